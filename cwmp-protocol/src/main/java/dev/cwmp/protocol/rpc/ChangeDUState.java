package dev.cwmp.protocol.rpc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Installs, updates or uninstalls deployment units (software modules, 1.2+).
 *
 * @param operations the operations, at least one
 * @param commandKey reported back in DUStateChangeComplete
 */
public record ChangeDUState(List<OperationStruct> operations, Optional<String> commandKey)
        implements AcsRequest<ChangeDUStateResponse> {

    // Validates and copies.
    public ChangeDUState {
        operations = List.copyOf(operations);
        Objects.requireNonNull(commandKey, "commandKey");
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a ChangeDUState needs at least one operation");
        }
    }

    @Override
    public String methodName() {
        return "ChangeDUState";
    }

    @Override
    public Class<ChangeDUStateResponse> responseType() {
        return ChangeDUStateResponse.class;
    }
}
