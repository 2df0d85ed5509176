package dev.cwmp.server.internal;

import dev.cwmp.store.jdbc.StoredTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Tells when {@link StoredTexts} changed since the last look, looking (one cheap read of their
 * version) at most once per {@code every} of {@code clock}. Not thread-safe: its owner synchronises.
 */
final class VersionWatch {

    private final StoredTexts texts;
    private final InstantSource clock;
    private final Duration every;
    private long version = Long.MIN_VALUE;
    private Instant lastLook = Instant.MIN;

    VersionWatch(StoredTexts texts, InstantSource clock, Duration every) {
        this.texts = texts;
        this.clock = clock;
        this.every = every;
    }

    /** Whether the texts' version moved since the last call that answered true (the first call does). */
    boolean changed() {
        Instant now = clock.instant();
        if (now.isBefore(lastLook.plus(every))) {
            return false;
        }
        lastLook = now;
        long current = texts.version();
        if (current == version) {
            return false;
        }
        version = current;
        return true;
    }
}
