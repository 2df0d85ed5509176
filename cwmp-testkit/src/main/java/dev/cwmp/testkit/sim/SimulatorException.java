package dev.cwmp.testkit.sim;

/** The root of the simulator's exceptions: a device profile that cannot be read, a listener that cannot start. */
public class SimulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
