package dev.cwmp.protocol.rpc;

/**
 * The ACS received the TransferComplete.
 */
public record TransferCompleteResponse() implements AcsResponse {

    @Override
    public String methodName() {
        return "TransferCompleteResponse";
    }
}
