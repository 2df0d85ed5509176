package dev.cwmp.provisioning;

import dev.cwmp.provisioning.internal.PresetJsonCodec;
import java.util.List;

/**
 * Reads and writes presets in GenieACS 1.2's preset JSON, so presets migrate both ways:
 *
 * <pre>{@code
 * {"_id": "10 UPGRADING", "channel": "", "weight": 10, "schedule": "",
 *  "events": {"1 BOOT": true, "0 BOOTSTRAP": false},
 *  "precondition": "Tags.PENDING IS NOT NULL",
 *  "configurations": [{"type": "add_tag", "tag": "UPGRADING"},
 *                     {"type": "provision", "name": "upgrade", "args": ["fw-2.1.bin"]}]}
 * }</pre>
 *
 * <p>Reading: {@code _id} is required; {@code channel}, {@code weight} (an integer, or a string
 * holding one), {@code schedule} ({@code "duration cron"}, empty for none), {@code events},
 * {@code precondition} (an expression, GenieACS's legacy MongoDB-style JSON as a string or as an
 * object, empty for always) and {@code configurations} may be missing. Other top-level fields are
 * kept verbatim ({@link Preset#otherFields()}) and written back. A configuration of an unknown type,
 * or with a field its type does not have, is an error: the provision engine could not honour it.
 * Errors are {@link PresetFormatException}s naming the field ({@code [3].configurations[1].tag}) and
 * why. Input is bounded: {@value #MAX_INPUT_LENGTH} characters, nesting depth 32.
 *
 * <p>Writing: every field, in the order above, with two-space indentation; the precondition as its
 * canonical expression (legacy JSON becomes an expression, which GenieACS 1.2 reads first), an
 * always-true precondition as {@code ""}, numbers without a fraction when they have none. Writing
 * what was read, then reading and writing that, gives the same bytes.
 */
public final class PresetJson {

    /** Longest JSON text accepted. */
    public static final int MAX_INPUT_LENGTH = 16 * 1024 * 1024;

    private PresetJson() {}

    /** Reads one preset (a JSON object). */
    public static Preset read(String json) {
        return PresetJsonCodec.read(json);
    }

    /** Reads a JSON array of presets. */
    public static List<Preset> readList(String json) {
        return PresetJsonCodec.readList(json);
    }

    /** Writes one preset as a JSON object. */
    public static String write(Preset preset) {
        return PresetJsonCodec.write(preset);
    }

    /** Writes presets as a JSON array, in the given order. */
    public static String writeList(List<Preset> presets) {
        return PresetJsonCodec.writeList(presets);
    }
}
