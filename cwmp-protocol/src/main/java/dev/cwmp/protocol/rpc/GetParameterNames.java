package dev.cwmp.protocol.rpc;

/**
 * Discovers the parameters and objects under a path.
 *
 * @param parameterPath a full name, a partial path ending with a dot, or "" for the whole tree
 * @param nextLevel true for only the direct children of the path
 */
public record GetParameterNames(String parameterPath, boolean nextLevel)
        implements AcsRequest<GetParameterNamesResponse> {

    // Validates and copies.
    public GetParameterNames {
        Checks.text(parameterPath, "parameterPath");
    }

    @Override
    public String methodName() {
        return "GetParameterNames";
    }

    @Override
    public Class<GetParameterNamesResponse> responseType() {
        return GetParameterNamesResponse.class;
    }
}
