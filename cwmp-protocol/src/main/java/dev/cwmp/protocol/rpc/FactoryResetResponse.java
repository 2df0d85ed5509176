package dev.cwmp.protocol.rpc;

/**
 * The CPE will reset.
 */
public record FactoryResetResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "FactoryResetResponse";
    }
}
