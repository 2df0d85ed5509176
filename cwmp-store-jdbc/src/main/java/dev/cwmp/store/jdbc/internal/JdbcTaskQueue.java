package dev.cwmp.store.jdbc.internal;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskQueue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TaskQueue} on JDBC: one row per task, ordered by an identity column, the task as JSON.
 * Expiry is filtered in SQL to the millisecond and then exactly with {@link Task#isExpiredAt}.
 */
public final class JdbcTaskQueue implements TaskQueue {

    private final Database db;
    /**
     * For a database this process alone opens: an upper bound of each device's queued tasks (devices
     * without tasks absent), so that the sessions of a device with none (most of them) skip the
     * query. Raised before a task's row is inserted, lowered after its row is deleted: never below
     * the count in the table. Empty when other processes may write the table.
     */
    private final Optional<ConcurrentHashMap<String, Integer>> queuedPerDevice;

    /** @param singleProcess whether this process alone writes the tasks (the embedded file) */
    public JdbcTaskQueue(Database db, boolean singleProcess) {
        this.db = db;
        this.queuedPerDevice = singleProcess ? Optional.of(countPerDevice(db)) : Optional.empty();
    }

    private static ConcurrentHashMap<String, Integer> countPerDevice(Database db) {
        return db.read("counting tasks", c -> {
            ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT device_id, COUNT(*) FROM cwmp_tasks GROUP BY device_id");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    private void queued(String deviceId, int change) {
        queuedPerDevice.ifPresent(counts -> counts.compute(deviceId, (k, n) -> {
            int next = (n == null ? 0 : n) + change;
            return next <= 0 ? null : next;
        }));
    }

    @Override
    public void add(Task task) {
        String json = JsonCodec.task(task);
        String device = task.deviceId().toString();
        queued(device, 1);
        boolean added;
        try {
            added = db.inTransaction("queueing task " + task.id(), c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO cwmp_tasks (task_id, device_id, expires_ms, task_json) VALUES (?, ?, ?, ?)")) {
                    p.setString(1, task.id());
                    p.setString(2, task.deviceId().toString());
                    p.setLong(3, task.expiresAt().toEpochMilli());
                    p.setString(4, json);
                    p.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (Database.isUniqueViolation(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            queued(device, -1);
            throw e;
        }
        if (!added) {
            queued(device, -1);
            throw new IllegalArgumentException("a task with id " + task.id() + " is already queued");
        }
    }

    @Override
    public List<Task> pending(DeviceId deviceId, Instant now) {
        if (queuedPerDevice.isPresent() && !queuedPerDevice.get().containsKey(deviceId.toString())) {
            return new ArrayList<>();
        }
        List<Task> out = query("SELECT device_id, task_json FROM cwmp_tasks WHERE device_id = ? AND expires_ms >= ? "
                + "ORDER BY seq", deviceId.toString(), now.toEpochMilli());
        out.removeIf(t -> t.isExpiredAt(now));
        return out;
    }

    @Override
    public Optional<Task> get(String taskId) {
        List<Task> found = query("SELECT device_id, task_json FROM cwmp_tasks WHERE task_id = ?", taskId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Task> all() {
        return query("SELECT device_id, task_json FROM cwmp_tasks ORDER BY seq");
    }

    @Override
    public boolean remove(String taskId) {
        Optional<String> device = db.inTransaction("removing task " + taskId, c -> {
            Optional<String> owner = Optional.empty();
            if (queuedPerDevice.isPresent()) {
                try (PreparedStatement p = c.prepareStatement("SELECT device_id FROM cwmp_tasks WHERE task_id = ?")) {
                    p.setString(1, taskId);
                    try (ResultSet rs = p.executeQuery()) {
                        owner = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_tasks WHERE task_id = ?")) {
                p.setString(1, taskId);
                return p.executeUpdate() > 0 ? Optional.of(owner.orElse("")) : Optional.<String>empty();
            }
        });
        device.filter(d -> !d.isEmpty()).ifPresent(d -> queued(d, -1));
        return device.isPresent();
    }

    @Override
    public List<Task> removeExpired(Instant now) {
        List<Task> candidates = query("SELECT device_id, task_json FROM cwmp_tasks WHERE expires_ms <= ? ORDER BY seq",
                now.toEpochMilli());
        List<Task> removed = new ArrayList<>();
        for (Task t : candidates) {
            // Only the one that deletes the row reports it: two nodes sweeping at once report each task once.
            if (t.isExpiredAt(now) && remove(t.id())) {
                removed.add(t);
            }
        }
        return removed;
    }

    private List<Task> query(String sql, Object... args) {
        return db.read("reading tasks", c -> {
            List<Task> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        DeviceId device = DeviceId.parse(rs.getString(1)).orElseThrow();
                        out.add(JsonCodec.task(device, rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }
}
