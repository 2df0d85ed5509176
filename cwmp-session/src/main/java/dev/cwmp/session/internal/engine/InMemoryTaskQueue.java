package dev.cwmp.session.internal.engine;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TaskQueue#inMemory()}: one insertion-ordered list per device, guarded by that list. */
public final class InMemoryTaskQueue implements TaskQueue {

    private final ConcurrentHashMap<DeviceId, LinkedHashMap<String, Task>> byDevice = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Task> byId = new ConcurrentHashMap<>();

    @Override
    public void add(Task task) {
        if (byId.putIfAbsent(task.id(), task) != null) {
            throw new IllegalArgumentException("a task with id " + task.id() + " is already queued");
        }
        byDevice.compute(task.deviceId(), (id, tasks) -> {
            LinkedHashMap<String, Task> list = tasks == null ? new LinkedHashMap<>() : tasks;
            list.put(task.id(), task);
            return list;
        });
    }

    @Override
    public List<Task> pending(DeviceId deviceId, Instant now) {
        List<Task> out = new ArrayList<>();
        byDevice.computeIfPresent(deviceId, (id, tasks) -> {
            for (Task t : tasks.values()) {
                if (!t.isExpiredAt(now)) {
                    out.add(t);
                }
            }
            return tasks;
        });
        return out;
    }

    @Override
    public Optional<Task> get(String taskId) {
        return Optional.ofNullable(byId.get(taskId));
    }

    @Override
    public List<Task> all() {
        List<Task> out = new ArrayList<>(byId.values());
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return out;
    }

    @Override
    public boolean remove(String taskId) {
        Task task = byId.remove(taskId);
        if (task == null) {
            return false;
        }
        byDevice.computeIfPresent(task.deviceId(), (id, tasks) -> {
            tasks.remove(taskId);
            return tasks.isEmpty() ? null : tasks;
        });
        return true;
    }

    @Override
    public List<Task> removeExpired(Instant now) {
        List<Task> expired = new ArrayList<>();
        for (Map.Entry<String, Task> e : byId.entrySet()) {
            if (e.getValue().isExpiredAt(now) && remove(e.getKey())) {
                expired.add(e.getValue());
            }
        }
        return expired;
    }
}
