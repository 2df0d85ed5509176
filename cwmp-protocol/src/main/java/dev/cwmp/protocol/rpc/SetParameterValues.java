package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Sets parameter values.
 *
 * @param parameterList the values to set
 * @param parameterKey the value the CPE stores in ParameterKey when the change succeeds
 */
public record SetParameterValues(List<ParameterValueStruct> parameterList, String parameterKey)
        implements AcsRequest<SetParameterValuesResponse> {

    // Validates and copies.
    public SetParameterValues {
        parameterList = List.copyOf(parameterList);
        Checks.text(parameterKey, "parameterKey");
    }

    /** Sets these values, with a parameter key. */
    public static SetParameterValues of(String parameterKey, ParameterValueStruct... values) {
        return new SetParameterValues(List.of(values), parameterKey);
    }

    @Override
    public String methodName() {
        return "SetParameterValues";
    }

    @Override
    public Class<SetParameterValuesResponse> responseType() {
        return SetParameterValuesResponse.class;
    }
}
