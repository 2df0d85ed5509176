package dev.cwmp.provisioning;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.internal.SessionDeviceView;
import dev.cwmp.provisioning.internal.SimpleDeviceView;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionContext;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What preconditions read of a device in a session: parameter values with their xsd types, tags,
 * identity and the events of the current session. {@link #of(SessionContext)} adapts a session;
 * {@link #builder(DeviceId)} makes one from plain data (tests, tools). Views cache the parameter
 * values they have read and are meant for one thread (a session's).
 */
public interface DeviceView {

    /**
     * A parameter's value as the device reported it.
     *
     * @param value the value's text
     * @param type the xsd type name ({@code xsd:unsignedInt}), when known
     */
    record ParameterValue(String value, Optional<String> type) {
        public ParameterValue {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }

        /** A value with its type. */
        public static ParameterValue of(String value, String type) {
            return new ParameterValue(value, Optional.of(type));
        }
    }

    /**
     * The value of a parameter, when known; for a pattern ({@code *}), the first matching parameter
     * with a value, in tree order.
     */
    Optional<ParameterValue> parameter(ParameterPath path);

    /** Whether the device has the tag. */
    boolean hasTag(String tag);

    /** The device's tags. */
    Set<String> tags();

    /** The device's identity. */
    DeviceId deviceId();

    /** The manufacturer's name, from the Inform's DeviceId. */
    String manufacturer();

    /** The event codes of the current session, normalized ({@link EventFilter#normalize}: {@code 1_BOOT}). */
    Set<String> events();

    /** Whether the current session carried the event (spaces and {@code _} alike). */
    default boolean hasEvent(String code) {
        return events().contains(EventFilter.normalize(code));
    }

    /**
     * A view of a session: its parameter tree, the device record's tags, the Inform's events. Values
     * read are cached in the view, which is valid only while the session's call lasts.
     */
    static DeviceView of(SessionContext session) {
        return new SessionDeviceView(session);
    }

    /** A builder of a view from plain data. */
    static Builder builder(DeviceId id) {
        return new Builder(id);
    }

    /** Builds a {@link DeviceView} from plain data. */
    final class Builder {
        private final SimpleDeviceView.Data data;

        private Builder(DeviceId id) {
            this.data = new SimpleDeviceView.Data(Objects.requireNonNull(id, "id"));
        }

        /** The manufacturer's name (default empty). */
        public Builder manufacturer(String manufacturer) {
            data.manufacturer = Objects.requireNonNull(manufacturer, "manufacturer");
            return this;
        }

        /** Adds tags. */
        public Builder tags(String... tags) {
            for (String tag : tags) {
                data.tags.add(Objects.requireNonNull(tag, "tag"));
            }
            return this;
        }

        /** Adds events of the current session ({@code "1 BOOT"}). */
        public Builder events(String... codes) {
            for (String code : codes) {
                data.events.add(EventFilter.normalize(code));
            }
            return this;
        }

        /** Sets a parameter's value and xsd type. */
        public Builder parameter(String path, String value, String type) {
            data.tree.mergeValues(java.util.List.of(new ParameterTree.ValueInfo(ParameterPath.parse(path), value, type)),
                    java.time.Instant.EPOCH);
            return this;
        }

        /** Sets a parameter's value, of unknown type (compared as a string). */
        public Builder parameter(String path, String value) {
            data.tree.mergeValues(java.util.List.of(new ParameterTree.ValueInfo(ParameterPath.parse(path), value,
                    Optional.empty())), java.time.Instant.EPOCH);
            return this;
        }

        /** Uses (a copy of) a whole tree for parameters. */
        public Builder parameters(ParameterTree tree) {
            data.tree = tree.copy();
            return this;
        }

        public DeviceView build() {
            return new SimpleDeviceView(data);
        }
    }
}
