package dev.cwmp.protocol.rpc;

/**
 * Deletes an object instance.
 *
 * @param objectName the instance path, ending with a dot
 * @param parameterKey the value the CPE stores in ParameterKey
 */
public record DeleteObject(String objectName, String parameterKey)
        implements AcsRequest<DeleteObjectResponse> {

    // Validates and copies.
    public DeleteObject {
        Checks.text(objectName, "objectName");
        Checks.text(parameterKey, "parameterKey");
    }

    @Override
    public String methodName() {
        return "DeleteObject";
    }

    @Override
    public Class<DeleteObjectResponse> responseType() {
        return DeleteObjectResponse.class;
    }
}
