package dev.cwmp.protocol.rpc;

/**
 * The instance created.
 *
 * @param instanceNumber the new instance number (1 or more)
 * @param status 0 applied, 1 applied on commit
 */
public record AddObjectResponse(long instanceNumber, int status) implements CpeResponse {

    // Validates and copies.
    public AddObjectResponse {
        Checks.unsignedInt(instanceNumber, "instanceNumber");
        Checks.status(status);
        if (instanceNumber < 1) {
            throw new IllegalArgumentException("instanceNumber must be at least 1: " + instanceNumber);
        }
    }

    @Override
    public String methodName() {
        return "AddObjectResponse";
    }
}
