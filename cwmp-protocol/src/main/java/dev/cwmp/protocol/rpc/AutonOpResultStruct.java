package dev.cwmp.protocol.rpc;

import java.util.Objects;

/**
 * The result of a deployment-unit operation the CPE performed on its own, in an
 * {@link AutonomousDUStateChangeComplete} ({@code AutonOpResultStruct}: an {@code OpResultStruct}
 * plus the operation performed).
 *
 * @param result the result fields
 * @param operationPerformed "Install", "Update", "Uninstall" (or a vendor's operation)
 */
public record AutonOpResultStruct(OpResultStruct result, String operationPerformed) {

    // Validates.
    public AutonOpResultStruct {
        Objects.requireNonNull(result, "result");
        Checks.text(operationPerformed, "operationPerformed");
    }
}
