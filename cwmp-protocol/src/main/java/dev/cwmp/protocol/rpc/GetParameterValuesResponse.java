package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The values read.
 *
 * @param parameterList the values
 */
public record GetParameterValuesResponse(List<ParameterValueStruct> parameterList) implements CpeResponse {

    /** Validates and copies. */
    public GetParameterValuesResponse {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "GetParameterValuesResponse";
    }
}
