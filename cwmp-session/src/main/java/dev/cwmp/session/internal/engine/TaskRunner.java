package dev.cwmp.session.internal.engine;

import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs one session's queued tasks, one request at a time: each task becomes its requests (a
 * refresh becomes GetParameterNames, then GetParameterValues of the leaves found, in batches), and
 * ends when the CPE has answered the last of them, or with the first fault.
 */
final class TaskRunner {

    /** GetParameterValues batch size, as GenieACS. */
    static final int BATCH = 32;

    private final Deque<Task> tasks;
    private Task current;
    private final Deque<AcsRequest<?>> steps = new ArrayDeque<>();
    private final List<CpeResponse> responses = new ArrayList<>();

    TaskRunner(List<Task> pending) {
        this.tasks = new ArrayDeque<>(pending);
    }

    /** The next request of the current or next task, or empty when every task is done. */
    Optional<AcsRequest<?>> next() {
        while (steps.isEmpty()) {
            if (current != null) {
                return Optional.empty(); // awaiting the answer that ends the current task
            }
            current = tasks.poll();
            if (current == null) {
                return Optional.empty();
            }
            responses.clear();
            steps.addAll(firstRequests(current.action()));
        }
        return Optional.of(steps.peek());
    }

    /** The task whose request is outstanding, if any. */
    Optional<Task> current() {
        return Optional.ofNullable(current);
    }

    /** Records the CPE's answer to the outstanding request; returns the outcome when the task is done. */
    Optional<TaskOutcome> answered(AcsRequest<?> request, CpeResponse response) {
        if (current == null || steps.peek() != request) {
            return Optional.empty();
        }
        steps.poll();
        responses.add(response);
        if (request instanceof GetParameterNames && response instanceof GetParameterNamesResponse names
                && current.action() instanceof TaskAction.RefreshObject) {
            steps.addAll(valueBatches(names.parameterList()));
        }
        if (!steps.isEmpty()) {
            return Optional.empty();
        }
        TaskOutcome outcome = new TaskOutcome.Done(current, responses);
        current = null;
        return Optional.of(outcome);
    }

    /** Records a fault for the outstanding request: the task ends with it. */
    Optional<TaskOutcome> faulted(AcsRequest<?> request, CwmpFault fault) {
        if (current == null || steps.peek() != request) {
            return Optional.empty();
        }
        TaskOutcome outcome = new TaskOutcome.Faulted(current, fault);
        steps.clear();
        current = null;
        return Optional.of(outcome);
    }

    private static List<AcsRequest<?>> firstRequests(TaskAction action) {
        if (action instanceof TaskAction.GetParameterValues gpv) {
            List<AcsRequest<?>> out = new ArrayList<>();
            List<String> names = gpv.parameterNames();
            for (int i = 0; i < names.size(); i += BATCH) {
                out.add(new GetParameterValues(names.subList(i, Math.min(names.size(), i + BATCH))));
            }
            return out;
        }
        if (action instanceof TaskAction.SetParameterValues spv) {
            return List.of(new dev.cwmp.protocol.rpc.SetParameterValues(spv.values(), spv.parameterKey()));
        }
        if (action instanceof TaskAction.RefreshObject refresh) {
            return List.of(new GetParameterNames(refresh.path(), false));
        }
        if (action instanceof TaskAction.AddObject add) {
            return List.of(new dev.cwmp.protocol.rpc.AddObject(add.objectPath(), add.parameterKey()));
        }
        if (action instanceof TaskAction.DeleteObject delete) {
            return List.of(new dev.cwmp.protocol.rpc.DeleteObject(delete.objectPath(), delete.parameterKey()));
        }
        if (action instanceof TaskAction.Reboot reboot) {
            return List.of(new dev.cwmp.protocol.rpc.Reboot(reboot.commandKey()));
        }
        if (action instanceof TaskAction.FactoryReset) {
            return List.of(new dev.cwmp.protocol.rpc.FactoryReset());
        }
        if (action instanceof TaskAction.DownloadFile download) {
            return List.of(download.download());
        }
        if (action instanceof TaskAction.UploadFile upload) {
            return List.of(upload.upload());
        }
        if (action instanceof TaskAction.ScheduleInform schedule) {
            return List.of(new dev.cwmp.protocol.rpc.ScheduleInform(schedule.delaySeconds(), schedule.commandKey()));
        }
        throw new IllegalStateException("unknown task action " + action);
    }

    private static List<AcsRequest<?>> valueBatches(List<ParameterInfoStruct> infos) {
        List<String> leaves = new ArrayList<>();
        for (ParameterInfoStruct info : infos) {
            if (!info.name().endsWith(".")) {
                leaves.add(info.name());
            }
        }
        List<AcsRequest<?>> out = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i += BATCH) {
            out.add(new GetParameterValues(leaves.subList(i, Math.min(leaves.size(), i + BATCH))));
        }
        return out;
    }
}
