package dev.cwmp.protocol.rpc;

/**
 * The attributes were changed.
 */
public record SetParameterAttributesResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "SetParameterAttributesResponse";
    }
}
