package dev.cwmp.nbi;

/** The root of this module's exceptions: the NBI could not be configured or started. */
public class NbiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NbiException(String message) {
        super(message);
    }

    public NbiException(String message, Throwable cause) {
        super(message, cause);
    }
}
