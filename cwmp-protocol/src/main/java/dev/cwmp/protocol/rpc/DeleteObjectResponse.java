package dev.cwmp.protocol.rpc;

/**
 * The outcome of a DeleteObject.
 *
 * @param status 0 applied, 1 applied on commit
 */
public record DeleteObjectResponse(int status) implements CpeResponse {

    // Validates and copies.
    public DeleteObjectResponse {
        Checks.status(status);
    }

    @Override
    public String methodName() {
        return "DeleteObjectResponse";
    }
}
