package dev.cwmp.protocol.rpc;

/**
 * Reboots the CPE.
 *
 * @param commandKey reported back with the "M Reboot" event
 */
public record Reboot(String commandKey) implements AcsRequest<RebootResponse> {

    // Validates and copies.
    public Reboot {
        Checks.text(commandKey, "commandKey");
    }

    @Override
    public String methodName() {
        return "Reboot";
    }

    @Override
    public Class<RebootResponse> responseType() {
        return RebootResponse.class;
    }
}
