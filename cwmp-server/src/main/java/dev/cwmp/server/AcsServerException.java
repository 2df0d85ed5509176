package dev.cwmp.server;

/** The server cannot start as configured: a bad flag, a missing choice, an unreadable file. */
public class AcsServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message for the operator. */
    public AcsServerException(String message) {
        super(message);
    }

    /** An exception with a message for the operator and its cause. */
    public AcsServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
