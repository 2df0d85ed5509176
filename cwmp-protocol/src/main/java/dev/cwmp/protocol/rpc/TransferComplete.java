package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.Objects;

/**
 * Reports the end of a transfer the ACS requested.
 *
 * @param commandKey the command key of the Download/Upload
 * @param faultStruct the outcome
 * @param startTime when the transfer started
 * @param completeTime when it completed
 */
public record TransferComplete(String commandKey, FaultStruct faultStruct, Instant startTime,
        Instant completeTime) implements CpeRequest<TransferCompleteResponse> {

    // Validates and copies.
    public TransferComplete {
        Checks.text(commandKey, "commandKey");
        Objects.requireNonNull(faultStruct, "faultStruct");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(completeTime, "completeTime");
    }

    @Override
    public String methodName() {
        return "TransferComplete";
    }

    @Override
    public Class<TransferCompleteResponse> responseType() {
        return TransferCompleteResponse.class;
    }
}
