package dev.cwmp.protocol.rpc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports the results of a ChangeDUState (1.2+).
 *
 * @param results one result per operation, in order
 * @param commandKey the ChangeDUState's command key
 */
public record DUStateChangeComplete(List<OpResultStruct> results, Optional<String> commandKey)
        implements CpeRequest<DUStateChangeCompleteResponse> {

    // Validates and copies.
    public DUStateChangeComplete {
        results = List.copyOf(results);
        Objects.requireNonNull(commandKey, "commandKey");
    }

    @Override
    public String methodName() {
        return "DUStateChangeComplete";
    }

    @Override
    public Class<DUStateChangeCompleteResponse> responseType() {
        return DUStateChangeCompleteResponse.class;
    }
}
