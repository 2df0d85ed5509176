package dev.cwmp.protocol.rpc;

import dev.cwmp.protocol.FaultCode;

/**
 * Why one parameter of a {@link SetParameterValues} failed, inside a {@link CwmpFault}.
 *
 * @param parameterName the parameter
 * @param faultCode the CPE fault code, e.g. 9007
 * @param faultString the fault text
 */
public record SetParameterValuesFault(String parameterName, int faultCode, String faultString) {

    // Validates.
    public SetParameterValuesFault {
        Checks.text(parameterName, "parameterName");
        Checks.text(faultString, "faultString");
        if (faultCode < 0) {
            throw new IllegalArgumentException("faultCode must not be negative: " + faultCode);
        }
    }

    /** A fault with a known code and its meaning as text. */
    public static SetParameterValuesFault of(String parameterName, FaultCode code) {
        return new SetParameterValuesFault(parameterName, code.code(), code.meaning());
    }
}
