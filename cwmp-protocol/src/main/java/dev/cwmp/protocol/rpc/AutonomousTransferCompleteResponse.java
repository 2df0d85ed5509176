package dev.cwmp.protocol.rpc;

/**
 * The ACS received the AutonomousTransferComplete.
 */
public record AutonomousTransferCompleteResponse() implements AcsResponse {

    @Override
    public String methodName() {
        return "AutonomousTransferCompleteResponse";
    }
}
