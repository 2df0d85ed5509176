package dev.cwmp.protocol.rpc;

/**
 * The ACS received the DUStateChangeComplete.
 */
public record DUStateChangeCompleteResponse() implements AcsResponse {

    @Override
    public String methodName() {
        return "DUStateChangeCompleteResponse";
    }
}
