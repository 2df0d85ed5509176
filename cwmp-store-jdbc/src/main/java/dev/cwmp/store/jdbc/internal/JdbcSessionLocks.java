package dev.cwmp.store.jdbc.internal;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionLock;
import dev.cwmp.session.SessionLocks;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SessionLocks} on JDBC: one row per locked device with its owner and expiry (epoch
 * milliseconds). Taking a lock is one conditional UPDATE (the row is free, expired, or already
 * ours), else one INSERT that the primary key refuses when another owner holds the row; each
 * statement commits on its own, so no lock is ever waited for and a dead node's row simply expires.
 */
public final class JdbcSessionLocks implements SessionLocks {

    private final Database db;

    public JdbcSessionLocks(Database db) {
        this.db = db;
    }

    @Override
    public Optional<SessionLock> tryAcquire(DeviceId deviceId, String owner, Instant now, Duration ttl) {
        SessionLock wanted = new SessionLock(deviceId, owner, now.plus(ttl));
        long expires = wanted.expiresAt().toEpochMilli();
        return db.read("locking " + deviceId, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_session_locks SET owner = ?, expires_ms = ? "
                    + "WHERE device_id = ? AND (owner = ? OR expires_ms <= ?)")) {
                p.setString(1, owner);
                p.setLong(2, expires);
                p.setString(3, deviceId.toString());
                p.setString(4, owner);
                p.setLong(5, now.toEpochMilli());
                if (p.executeUpdate() == 1) {
                    return Optional.of(wanted);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cwmp_session_locks (device_id, owner, expires_ms) VALUES (?, ?, ?)")) {
                p.setString(1, deviceId.toString());
                p.setString(2, owner);
                p.setLong(3, expires);
                p.executeUpdate();
                return Optional.of(wanted);
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<SessionLock> renew(SessionLock lock, Instant now, Duration ttl) {
        SessionLock renewed = new SessionLock(lock.deviceId(), lock.owner(), now.plus(ttl));
        return db.read("renewing the lock of " + lock.deviceId(), c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE cwmp_session_locks SET expires_ms = ? WHERE device_id = ? AND owner = ?")) {
                p.setLong(1, renewed.expiresAt().toEpochMilli());
                p.setString(2, lock.deviceId().toString());
                p.setString(3, lock.owner());
                return p.executeUpdate() == 1 ? Optional.of(renewed) : Optional.empty();
            }
        });
    }

    @Override
    public void release(SessionLock lock) {
        db.read("releasing the lock of " + lock.deviceId(), c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM cwmp_session_locks WHERE device_id = ? AND owner = ?")) {
                p.setString(1, lock.deviceId().toString());
                p.setString(2, lock.owner());
                return p.executeUpdate();
            }
        });
    }
}
