package dev.cwmp.protocol.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * Uninstall a deployment unit ({@code UninstallOpStruct}).
 *
 * @param uuid the unit to uninstall
 * @param version which version (absent: all versions)
 * @param executionEnvRef the execution environment to remove it from
 */
public record UninstallOpStruct(String uuid, Optional<String> version, Optional<String> executionEnvRef)
        implements OperationStruct {

    // Validates.
    public UninstallOpStruct {
        Checks.text(uuid, "uuid");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(executionEnvRef, "executionEnvRef");
    }

    @Override
    public String typeName() {
        return "UninstallOpStruct";
    }
}
