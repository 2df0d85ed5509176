package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The names found (objects end with a dot).
 *
 * @param parameterList the names with their writability
 */
public record GetParameterNamesResponse(List<ParameterInfoStruct> parameterList) implements CpeResponse {

    // Validates and copies.
    public GetParameterNamesResponse {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "GetParameterNamesResponse";
    }
}
