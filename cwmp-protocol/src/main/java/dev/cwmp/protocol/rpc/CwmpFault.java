package dev.cwmp.protocol.rpc;

import dev.cwmp.protocol.FaultCode;
import java.util.List;
import java.util.Optional;

/**
 * A CWMP fault: the SOAP Fault either side answers a request with, carrying a {@code cwmp:Fault} detail.
 *
 * @param soapFaultCode the SOAP {@code faultcode}: "Client" or "Server" (any prefix is dropped when decoding)
 * @param soapFaultString the SOAP {@code faultstring}, "CWMP fault" by the spec
 * @param faultCode the CWMP fault code, e.g. 9005
 * @param faultString the CWMP fault text
 * @param setParameterValuesFaults per-parameter faults of a failed SetParameterValues (9003 only)
 */
public record CwmpFault(String soapFaultCode, String soapFaultString, int faultCode, String faultString,
        List<SetParameterValuesFault> setParameterValuesFaults) implements CpeMessage, AcsMessage {
    /** The SOAP faultstring TR-069 prescribes. */
    public static final String CWMP_FAULT = "CWMP fault";

    // Validates and copies.
    public CwmpFault {
        Checks.text(soapFaultCode, "soapFaultCode");
        Checks.text(soapFaultString, "soapFaultString");
        Checks.text(faultString, "faultString");
        if (faultCode < 0) {
            throw new IllegalArgumentException("faultCode must not be negative: " + faultCode);
        }
        setParameterValuesFaults = List.copyOf(setParameterValuesFaults);
    }

    /** A fault with the spec's SOAP fault code for this code and "CWMP fault" as SOAP fault string. */
    public static CwmpFault of(FaultCode code, String faultString) {
        return new CwmpFault(code.soapFaultCode(), CWMP_FAULT, code.code(), faultString, List.of());
    }

    /** A fault whose text is the code's meaning. */
    public static CwmpFault of(FaultCode code) {
        return of(code, code.meaning());
    }

    /** A CPE's 9003 Invalid arguments answer to a SetParameterValues, listing each failed parameter. */
    public static CwmpFault ofSetParameterValues(String faultString, List<SetParameterValuesFault> faults) {
        FaultCode code = FaultCode.INVALID_ARGUMENTS;
        return new CwmpFault(code.soapFaultCode(), CWMP_FAULT, code.code(), faultString, faults);
    }

    /** The code as a {@link FaultCode}, when it is one of the spec's. */
    public Optional<FaultCode> knownCode() {
        return FaultCode.of(faultCode);
    }

    /** Returns "Fault", the element name of the detail. */
    @Override
    public String methodName() {
        return "Fault";
    }
}
