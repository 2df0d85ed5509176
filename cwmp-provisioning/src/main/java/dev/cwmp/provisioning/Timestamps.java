package dev.cwmp.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The "not older than" times of a declaration (GenieACS's {@code declare} timestamps): what the ACS
 * holds about the path must have been read from the device at or after them, or it is read again.
 *
 * @param path existence, object-ness and writability (GetParameterNames)
 * @param value the values of the parameters the path covers (GetParameterValues)
 */
public record Timestamps(Optional<Instant> path, Optional<Instant> value) {

    public Timestamps {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    /** Nothing needs refreshing: what the ACS holds, however old, will do. */
    public static Timestamps none() {
        return new Timestamps(Optional.empty(), Optional.empty());
    }

    /** Names read at or after {@code time}. */
    public static Timestamps path(Instant time) {
        return new Timestamps(Optional.of(time), Optional.empty());
    }

    /** Values read at or after {@code time}. */
    public static Timestamps value(Instant time) {
        return new Timestamps(Optional.empty(), Optional.of(time));
    }

    /** Names and values read at or after {@code time}. */
    public static Timestamps all(Instant time) {
        return new Timestamps(Optional.of(time), Optional.of(time));
    }
}
