package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Reads parameter values (full names, or partial paths ending with a dot).
 *
 * @param parameterNames the names or partial paths
 */
public record GetParameterValues(List<String> parameterNames)
        implements AcsRequest<GetParameterValuesResponse> {

    // Validates and copies.
    public GetParameterValues {
        parameterNames = List.copyOf(parameterNames);
    }

    /** Reads these names or partial paths. */
    public static GetParameterValues of(String... parameterNames) {
        return new GetParameterValues(List.of(parameterNames));
    }

    @Override
    public String methodName() {
        return "GetParameterValues";
    }

    @Override
    public Class<GetParameterValuesResponse> responseType() {
        return GetParameterValuesResponse.class;
    }
}
