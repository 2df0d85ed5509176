package dev.cwmp.session.internal.engine;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionLock;
import dev.cwmp.session.SessionLocks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SessionLocks#inMemory()}: a concurrent map of locks, each replaced atomically. */
public final class InMemorySessionLocks implements SessionLocks {

    private final ConcurrentHashMap<DeviceId, SessionLock> locks = new ConcurrentHashMap<>();

    @Override
    public Optional<SessionLock> tryAcquire(DeviceId deviceId, String owner, Instant now, Duration ttl) {
        SessionLock wanted = new SessionLock(deviceId, owner, now.plus(ttl));
        SessionLock held = locks.compute(deviceId, (id, current) ->
                current == null || current.owner().equals(owner) || !now.isBefore(current.expiresAt())
                        ? wanted : current);
        return held == wanted ? Optional.of(wanted) : Optional.empty();
    }

    @Override
    public Optional<SessionLock> renew(SessionLock lock, Instant now, Duration ttl) {
        SessionLock renewed = new SessionLock(lock.deviceId(), lock.owner(), now.plus(ttl));
        SessionLock held = locks.computeIfPresent(lock.deviceId(), (id, current) ->
                current.owner().equals(lock.owner()) ? renewed : current);
        return held == renewed ? Optional.of(renewed) : Optional.empty();
    }

    @Override
    public void release(SessionLock lock) {
        locks.computeIfPresent(lock.deviceId(), (id, current) ->
                current.owner().equals(lock.owner()) ? null : current);
    }
}
