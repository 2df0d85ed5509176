package dev.cwmp.provisioning;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a preset's {@code configurations}, as GenieACS 1.2's preset JSON has them. The
 * provision engine turns them into declarations: {@code value} sets a parameter, {@code age}
 * refreshes one older than the age, the tag entries add or remove a tag, {@code provision} runs a
 * named provision with arguments, the object entries create or delete an instance described by a
 * stored object.
 */
public sealed interface Configuration {

    /** The {@code type} of the entry in GenieACS's JSON ({@code value}, {@code add_tag}, ...). */
    String type();

    /** {@code {"type": "value", "name": path, "value": v}}: set the parameter to the value. */
    record SetValue(String name, Literal value) implements Configuration {
        public SetValue {
            requireText(name, "name");
            Objects.requireNonNull(value, "value");
            if (value instanceof Literal.NullValue) {
                throw new IllegalArgumentException("a value configuration sets a string, number or boolean, not null");
            }
        }

        @Override
        public String type() {
            return "value";
        }
    }

    /** {@code {"type": "add_tag", "tag": t}}. */
    record AddTag(String tag) implements Configuration {
        public AddTag {
            requireText(tag, "tag");
        }

        @Override
        public String type() {
            return "add_tag";
        }
    }

    /** {@code {"type": "delete_tag", "tag": t}}. */
    record DeleteTag(String tag) implements Configuration {
        public DeleteTag {
            requireText(tag, "tag");
        }

        @Override
        public String type() {
            return "delete_tag";
        }
    }

    /** {@code {"type": "provision", "name": n, "args": [...]}}: run provision {@code n} with the arguments. */
    record Provision(String name, List<Literal> args) implements Configuration {
        public Provision {
            requireText(name, "name");
            args = List.copyOf(args);
        }

        @Override
        public String type() {
            return "provision";
        }
    }

    /** {@code {"type": "age", "name": path, "age": seconds}}: refresh the parameter when older than that. */
    record Age(String name, long seconds) implements Configuration {
        public Age {
            requireText(name, "name");
            if (seconds < 0) {
                throw new IllegalArgumentException("an age is not negative: " + seconds);
            }
        }

        @Override
        public String type() {
            return "age";
        }
    }

    /** {@code {"type": "add_object", "name": path, "object": id}}: ensure an instance like stored object {@code id}. */
    record AddObject(String name, String object) implements Configuration {
        public AddObject {
            requireText(name, "name");
            requireText(object, "object");
        }

        @Override
        public String type() {
            return "add_object";
        }
    }

    /** {@code {"type": "delete_object", "name": path, "object": id}}: remove instances like stored object {@code id}. */
    record DeleteObject(String name, String object) implements Configuration {
        public DeleteObject {
            requireText(name, "name");
            requireText(object, "object");
        }

        @Override
        public String type() {
            return "delete_object";
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is not empty");
        }
    }
}
