package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Changes notification and access-list attributes.
 *
 * @param parameterList the changes
 */
public record SetParameterAttributes(List<SetParameterAttributesStruct> parameterList)
        implements AcsRequest<SetParameterAttributesResponse> {

    // Validates and copies.
    public SetParameterAttributes {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "SetParameterAttributes";
    }

    @Override
    public Class<SetParameterAttributesResponse> responseType() {
        return SetParameterAttributesResponse.class;
    }
}
