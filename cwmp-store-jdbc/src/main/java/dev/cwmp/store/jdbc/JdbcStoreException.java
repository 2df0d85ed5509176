package dev.cwmp.store.jdbc;

/** The root exception of the JDBC stores: the database refused or failed an operation. */
public class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with its cause (usually a {@link java.sql.SQLException}). */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception without a cause. */
    public JdbcStoreException(String message) {
        super(message);
    }
}
