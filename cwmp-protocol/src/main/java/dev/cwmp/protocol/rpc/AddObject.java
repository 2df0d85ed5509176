package dev.cwmp.protocol.rpc;

/**
 * Creates an instance of a multi-instance object.
 *
 * @param objectName the object path, ending with a dot
 * @param parameterKey the value the CPE stores in ParameterKey
 */
public record AddObject(String objectName, String parameterKey) implements AcsRequest<AddObjectResponse> {

    // Validates and copies.
    public AddObject {
        Checks.text(objectName, "objectName");
        Checks.text(parameterKey, "parameterKey");
    }

    @Override
    public String methodName() {
        return "AddObject";
    }

    @Override
    public Class<AddObjectResponse> responseType() {
        return AddObjectResponse.class;
    }
}
