package dev.cwmp.nbi;

/**
 * A {@link ScriptCatalog} refused a script's source (e.g. it does not compile). The message names
 * the place as {@code line:column}; the NBI answers 400 with it and stores nothing.
 */
public final class ScriptRejectedException extends NbiException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param reason what is wrong
     * @param line the line of the error, from 1
     * @param column the column of the error, from 1
     */
    public ScriptRejectedException(String reason, int line, int column) {
        super(line + ":" + column + ": " + reason);
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
        this.line = line;
        this.column = column;
    }

    /** The line of the error, from 1. */
    public int line() {
        return line;
    }

    /** The column of the error, from 1. */
    public int column() {
        return column;
    }
}
