package dev.cwmp.scripting;

import dev.cwmp.provisioning.ProvisioningException;

/**
 * The root of this module's exceptions: a script that failed to compile, threw, or went past its
 * {@link ScriptLimits}. A {@link dev.cwmp.provisioning.ProvisioningException}, so the provision
 * engine records it as a fault on the preset's channel (code {@code script}).
 */
public class ScriptingException extends ProvisioningException {

    private static final long serialVersionUID = 1L;

    public ScriptingException(String message) {
        super(message);
    }

    public ScriptingException(String message, Throwable cause) {
        super(message, cause);
    }
}
