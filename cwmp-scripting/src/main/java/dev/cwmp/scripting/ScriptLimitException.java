package dev.cwmp.scripting;

/** A run stopped because it went past one of its {@link ScriptLimits}. */
public final class ScriptLimitException extends ScriptingException {

    private static final long serialVersionUID = 1L;

    /** Which bound was reached. */
    public enum Limit {
        /** The run's thread CPU time. */
        CPU_TIME,
        /** The bytes the run allocated, or an allocation the heap could not hold. */
        MEMORY,
        /** An array or string longer than the sandbox allows, or calls nested too deep. */
        SIZE
    }

    private final Limit limit;

    public ScriptLimitException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The bound that stopped the run. */
    public Limit limit() {
        return limit;
    }
}
