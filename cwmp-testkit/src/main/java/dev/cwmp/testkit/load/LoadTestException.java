package dev.cwmp.testkit.load;

/** The root exception of the test kit: a load run or a canned server could not start or run. */
public class LoadTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public LoadTestException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public LoadTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
