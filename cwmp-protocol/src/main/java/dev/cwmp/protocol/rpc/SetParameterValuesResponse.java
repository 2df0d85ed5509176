package dev.cwmp.protocol.rpc;

/**
 * The outcome of a SetParameterValues.
 *
 * @param status 0 applied, 1 applied on commit (e.g. after a reboot)
 */
public record SetParameterValuesResponse(int status) implements CpeResponse {

    // Validates and copies.
    public SetParameterValuesResponse {
        Checks.status(status);
    }

    @Override
    public String methodName() {
        return "SetParameterValuesResponse";
    }
}
