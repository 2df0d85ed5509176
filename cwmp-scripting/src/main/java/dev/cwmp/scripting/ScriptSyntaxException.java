package dev.cwmp.scripting;

/** A script that does not compile: where, as the script's author counts (lines and columns from 1). */
public final class ScriptSyntaxException extends ScriptingException {

    private static final long serialVersionUID = 1L;

    private final String scriptName;
    private final int line;
    private final int column;
    private final String detail;

    public ScriptSyntaxException(String scriptName, int line, int column, String detail) {
        super(scriptName + ":" + line + ":" + column + ": " + detail);
        this.scriptName = scriptName;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The name the script was stored under. */
    public String scriptName() {
        return scriptName;
    }

    /** The line of the error, from 1. */
    public int line() {
        return line;
    }

    /** The column of the error on its line, from 1 (0 when the engine did not say). */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String detail() {
        return detail;
    }
}
