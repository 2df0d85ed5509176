package dev.cwmp.nbi.internal;

import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks queued through the NBI that the CPE answered with a fault: GenieACS keeps such a task
 * (with a fault {@code <deviceId>:task_<id>}) until it is retried or deleted. Bounded.
 */
final class FaultedTasks {

    static final int MAX = 10_000;

    record Faulted(Task task, CwmpFault fault, Instant at, int retries) {
        String faultId() {
            return task.deviceId() + ":task_" + task.id();
        }
    }

    private final ConcurrentHashMap<String, Faulted> byId = new ConcurrentHashMap<>();

    /** Records a fault; false when the bound is reached (the fault is then only logged). */
    boolean add(Faulted faulted) {
        if (byId.size() >= MAX) {
            return false;
        }
        byId.put(faulted.task().id(), faulted);
        return true;
    }

    Optional<Faulted> get(String taskId) {
        return Optional.ofNullable(byId.get(taskId));
    }

    Optional<Faulted> remove(String taskId) {
        return Optional.ofNullable(byId.remove(taskId));
    }

    List<Faulted> all() {
        return new ArrayList<>(byId.values());
    }

    void removeDevice(DeviceId id) {
        byId.values().removeIf(f -> f.task().deviceId().equals(id));
    }
}
