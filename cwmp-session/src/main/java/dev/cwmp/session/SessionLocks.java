package dev.cwmp.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may hold a session with a device now (SPI): one session per device, across every ACS node that
 * shares the stores. The engine takes the device's lock before it reads the device and its tasks,
 * renews it while the session is active and releases it after the device is saved, so a device's
 * next session, on whichever node, starts from what the last one saved and no task runs twice.
 *
 * <p>The default ({@link #inMemory()}) is enough for one node; a store shared by several nodes
 * brings its own (a lock row with an owner and an expiry, for instance).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #tryAcquire} succeeds when the device has no lock, when its lock has expired at
 *       {@code now} (the holder died or stalled), or when {@code owner} already holds it (the expiry
 *       moves); otherwise it returns empty at once, without waiting.</li>
 *   <li>{@link #renew} moves the expiry of a lock its owner still holds; empty when the lock was
 *       lost (expired and taken by another owner, or released).</li>
 *   <li>{@link #release} frees the lock if its owner still holds it; otherwise does nothing.</li>
 *   <li>Implementations are thread-safe. Expiry compares instants of each caller's clock: nodes
 *       sharing locks keep their clocks in step (NTP) well within the time to live.</li>
 * </ul>
 */
public interface SessionLocks {

    /** Takes the device's lock for {@code owner} until {@code now + ttl}; empty when someone else holds it. */
    Optional<SessionLock> tryAcquire(DeviceId deviceId, String owner, Instant now, Duration ttl);

    /** Extends a held lock to {@code now + ttl}; empty when the lock was lost. */
    Optional<SessionLock> renew(SessionLock lock, Instant now, Duration ttl);

    /** Releases a lock if its owner still holds it. */
    void release(SessionLock lock);

    /** Locks in this process's memory: one node. */
    static SessionLocks inMemory() {
        return new dev.cwmp.session.internal.engine.InMemorySessionLocks();
    }
}
