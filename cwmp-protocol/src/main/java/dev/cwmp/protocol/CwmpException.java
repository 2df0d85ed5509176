package dev.cwmp.protocol;

/** The root of every exception this library throws. */
public class CwmpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public CwmpException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public CwmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
