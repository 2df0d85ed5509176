package dev.cwmp.session;

import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import java.util.List;
import java.util.Objects;

/** How a task ended: done (with the CPE's answers), faulted by the CPE, expired or cancelled. */
public sealed interface TaskOutcome {

    /** The task this outcome is for. */
    Task task();

    /** The CPE answered every request of the task; {@code responses} are its answers, in order. */
    record Done(Task task, List<CpeResponse> responses) implements TaskOutcome {
        public Done {
            Objects.requireNonNull(task, "task");
            responses = List.copyOf(responses);
        }
    }

    /** The CPE answered with a fault; the task left the queue. */
    record Faulted(Task task, CwmpFault fault) implements TaskOutcome {
        public Faulted {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** The task expired before the device answered it. */
    record Expired(Task task) implements TaskOutcome {
        public Expired {
            Objects.requireNonNull(task, "task");
        }
    }

    /** The application removed the task before the device answered it. */
    record Cancelled(Task task) implements TaskOutcome {
        public Cancelled {
            Objects.requireNonNull(task, "task");
        }
    }
}
