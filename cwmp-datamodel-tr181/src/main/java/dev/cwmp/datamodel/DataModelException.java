package dev.cwmp.datamodel;

/** Root of the exceptions thrown by the data-model module. */
public class DataModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataModelException(String message) {
        super(message);
    }

    public DataModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
