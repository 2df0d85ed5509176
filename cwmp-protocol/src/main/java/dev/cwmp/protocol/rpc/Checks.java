package dev.cwmp.protocol.rpc;

import java.util.Objects;

/** Argument checks shared by the records' compact constructors. */
final class Checks {
    static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    private Checks() {
    }

    static String text(String value, String name) {
        return Objects.requireNonNull(value, name);
    }

    static long unsignedInt(long value, String name) {
        if (value < 0 || value > MAX_UNSIGNED_INT) {
            throw new IllegalArgumentException(name + " must be an unsignedInt (0.." + MAX_UNSIGNED_INT + "): " + value);
        }
        return value;
    }

    static int range(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
        return value;
    }

    static int status(int value) {
        return range(value, 0, 1, "status");
    }
}
