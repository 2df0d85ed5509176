package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Reads notification and access-list attributes.
 *
 * @param parameterNames the names or partial paths
 */
public record GetParameterAttributes(List<String> parameterNames)
        implements AcsRequest<GetParameterAttributesResponse> {

    // Validates and copies.
    public GetParameterAttributes {
        parameterNames = List.copyOf(parameterNames);
    }

    /** Reads the attributes of these names or partial paths. */
    public static GetParameterAttributes of(String... parameterNames) {
        return new GetParameterAttributes(List.of(parameterNames));
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
