package dev.cwmp.protocol.rpc;

/**
 * Resets the CPE to its factory defaults.
 */
public record FactoryReset() implements AcsRequest<FactoryResetResponse> {

    @Override
    public String methodName() {
        return "FactoryReset";
    }

    @Override
    public Class<FactoryResetResponse> responseType() {
        return FactoryResetResponse.class;
    }
}
