package dev.cwmp.protocol.rpc;

/**
 * Cancels a queued transfer (1.2+).
 *
 * @param commandKey the transfer's command key
 */
public record CancelTransfer(String commandKey) implements AcsRequest<CancelTransferResponse> {

    // Validates and copies.
    public CancelTransfer {
        Checks.text(commandKey, "commandKey");
    }

    @Override
    public String methodName() {
        return "CancelTransfer";
    }

    @Override
    public Class<CancelTransferResponse> responseType() {
        return CancelTransferResponse.class;
    }
}
