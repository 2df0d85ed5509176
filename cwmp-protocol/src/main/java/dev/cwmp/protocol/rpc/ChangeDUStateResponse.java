package dev.cwmp.protocol.rpc;

/**
 * The operations were accepted.
 */
public record ChangeDUStateResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "ChangeDUStateResponse";
    }
}
