package dev.cwmp.protocol.rpc;

import java.util.List;
import java.util.Optional;

/**
 * The values read.
 *
 * @param parameterList the values
 */
public record GetParameterValuesResponse(List<ParameterValueStruct> parameterList) implements CpeResponse {

    // Validates and copies.
    public GetParameterValuesResponse {
        parameterList = List.copyOf(parameterList);
    }

    /** The value of a parameter in the response, if it is there. */
    public Optional<String> value(String name) {
        for (ParameterValueStruct p : parameterList) {
            if (p.name().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public String methodName() {
        return "GetParameterValuesResponse";
    }
}
