package dev.cwmp.protocol.rpc;

/**
 * The ACS received the AutonomousDUStateChangeComplete.
 */
public record AutonomousDUStateChangeCompleteResponse() implements AcsResponse {

    @Override
    public String methodName() {
        return "AutonomousDUStateChangeCompleteResponse";
    }
}
