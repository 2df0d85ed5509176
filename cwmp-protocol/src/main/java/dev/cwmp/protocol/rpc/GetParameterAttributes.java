package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Reads notification and access-list attributes.
 *
 * @param parameterNames the names or partial paths
 */
public record GetParameterAttributes(List<String> parameterNames)
        implements AcsRequest<GetParameterAttributesResponse> {

    /** Validates and copies. */
    public GetParameterAttributes {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String methodName() {
        return "GetParameterAttributes";
    }

    @Override
    public Class<GetParameterAttributesResponse> responseType() {
        return GetParameterAttributesResponse.class;
    }
}
