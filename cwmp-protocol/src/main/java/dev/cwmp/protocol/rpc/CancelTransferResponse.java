package dev.cwmp.protocol.rpc;

/**
 * The transfer was cancelled.
 */
public record CancelTransferResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "CancelTransferResponse";
    }
}
