package dev.cwmp.scripting.internal;

import dev.cwmp.scripting.ScriptLimitException;

/**
 * Stops a run from inside the engine. An {@link Error}, so that neither {@code catch} nor
 * {@code finally} of the script runs; turned into a {@link ScriptLimitException} by the sandbox.
 */
final class RunAborted extends Error {

    private static final long serialVersionUID = 1L;

    private final ScriptLimitException.Limit limit;

    RunAborted(ScriptLimitException.Limit limit, String message) {
        super(message, null, false, false);
        this.limit = limit;
    }

    ScriptLimitException toException(String scriptName) {
        return new ScriptLimitException(limit, scriptName + ": " + getMessage());
    }
}
