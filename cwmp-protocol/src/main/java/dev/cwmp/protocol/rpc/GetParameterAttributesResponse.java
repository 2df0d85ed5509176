package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The attributes read.
 *
 * @param parameterList the attributes
 */
public record GetParameterAttributesResponse(List<ParameterAttributeStruct> parameterList)
        implements CpeResponse {

    // Validates and copies.
    public GetParameterAttributesResponse {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "GetParameterAttributesResponse";
    }
}
