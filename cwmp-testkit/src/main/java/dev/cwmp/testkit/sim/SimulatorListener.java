package dev.cwmp.testkit.sim;

/**
 * Hears of the simulator's sessions. Called on the thread that ran the session; keep it quick and do
 * not throw (exceptions are logged and ignored).
 */
@FunctionalInterface
public interface SimulatorListener {

    /** Ignores everything. */
    SimulatorListener NONE = record -> {
    };

    /** A device's session ended (completed or failed). */
    void sessionEnded(SessionRecord record);
}
