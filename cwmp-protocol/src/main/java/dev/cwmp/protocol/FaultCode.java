package dev.cwmp.protocol;

import java.util.Optional;

/**
 * The CWMP fault codes of TR-069 Amendment 6: the ACS's (8000-8006, sent by an ACS to a CPE) and the
 * CPE's (9000-9032, sent by a CPE to an ACS), each with the spec's short meaning and the SOAP
 * {@code faultcode} ("Client" or "Server") the spec's fault tables give.
 *
 * <p>Meanings are written as cwmp-1-2.xsd lists them (with "Deployment" spelt correctly).
 * 8006 (ACS version incompatible with CPE) comes with CWMP 1.4 (cwmp-1-4.xsd). Vendor-specific
 * codes (8800-8899, 9800-9899, see {@link #isVendorSpecific(int)}) have no constant; a
 * {@link dev.cwmp.protocol.rpc.CwmpFault} carries any code as an {@code int}.
 */
public enum FaultCode {
    ACS_METHOD_NOT_SUPPORTED(8000, "Method not supported", "Server"),
    ACS_REQUEST_DENIED(8001, "Request denied (no reason specified)", "Server"),
    ACS_INTERNAL_ERROR(8002, "Internal error", "Server"),
    ACS_INVALID_ARGUMENTS(8003, "Invalid arguments", "Client"),
    ACS_RESOURCES_EXCEEDED(8004, "Resources exceeded", "Server"),
    ACS_RETRY_REQUEST(8005, "Retry request", "Server"),
    ACS_VERSION_INCOMPATIBLE(8006, "ACS version incompatible with CPE", "Server"),

    METHOD_NOT_SUPPORTED(9000, "Method not supported", "Server"),
    REQUEST_DENIED(9001, "Request denied (no reason specified)", "Server"),
    INTERNAL_ERROR(9002, "Internal error", "Server"),
    INVALID_ARGUMENTS(9003, "Invalid arguments", "Client"),
    RESOURCES_EXCEEDED(9004, "Resources exceeded", "Server"),
    INVALID_PARAMETER_NAME(9005, "Invalid parameter name", "Client"),
    INVALID_PARAMETER_TYPE(9006, "Invalid parameter type", "Client"),
    INVALID_PARAMETER_VALUE(9007, "Invalid parameter value", "Client"),
    NON_WRITABLE_PARAMETER(9008, "Attempt to set a non-writable parameter", "Client"),
    NOTIFICATION_REQUEST_REJECTED(9009, "Notification request rejected", "Server"),
    FILE_TRANSFER_FAILURE(9010, "File transfer failure", "Server"),
    UPLOAD_FAILURE(9011, "Upload failure", "Server"),
    FILE_TRANSFER_SERVER_AUTHENTICATION_FAILURE(9012, "File transfer server authentication failure", "Server"),
    UNSUPPORTED_FILE_TRANSFER_PROTOCOL(9013, "Unsupported protocol for file transfer", "Server"),
    FILE_TRANSFER_MULTICAST_JOIN_FAILURE(9014, "File transfer failure: unable to join multicast group", "Server"),
    FILE_TRANSFER_SERVER_UNREACHABLE(9015, "File transfer failure: unable to contact file server", "Server"),
    FILE_TRANSFER_FILE_INACCESSIBLE(9016, "File transfer failure: unable to access file", "Server"),
    FILE_TRANSFER_INCOMPLETE(9017, "File transfer failure: unable to complete download", "Server"),
    FILE_TRANSFER_FILE_CORRUPTED(9018, "File transfer failure: file corrupted", "Server"),
    FILE_TRANSFER_FILE_AUTHENTICATION_FAILURE(9019, "File transfer failure: file authentication failure", "Server"),
    FILE_TRANSFER_OUTSIDE_TIME_WINDOWS(9020,
            "File transfer failure: unable to complete download within specified time windows", "Server"),
    CANCELATION_NOT_PERMITTED(9021, "Cancelation of file transfer not permitted in current transfer state", "Client"),
    INVALID_UUID_FORMAT(9022, "Invalid UUID Format", "Client"),
    UNKNOWN_EXECUTION_ENVIRONMENT(9023, "Unknown Execution Environment", "Client"),
    DISABLED_EXECUTION_ENVIRONMENT(9024, "Disabled Execution Environment", "Client"),
    DEPLOYMENT_UNIT_EXECUTION_ENVIRONMENT_MISMATCH(9025, "Deployment Unit to Execution Environment Mismatch", "Client"),
    DUPLICATE_DEPLOYMENT_UNIT(9026, "Duplicate Deployment Unit", "Client"),
    SYSTEM_RESOURCES_EXCEEDED(9027, "System Resources Exceeded", "Server"),
    UNKNOWN_DEPLOYMENT_UNIT(9028, "Unknown Deployment Unit", "Client"),
    INVALID_DEPLOYMENT_UNIT_STATE(9029, "Invalid Deployment Unit State", "Client"),
    DEPLOYMENT_UNIT_DOWNGRADE_NOT_PERMITTED(9030, "Invalid Deployment Unit Update – Downgrade not permitted",
            "Client"),
    DEPLOYMENT_UNIT_VERSION_NOT_SPECIFIED(9031, "Invalid Deployment Unit Update – Version not specified", "Client"),
    DEPLOYMENT_UNIT_VERSION_EXISTS(9032, "Invalid Deployment Unit Update – Version already exists", "Client");

    private static final FaultCode[] BY_OFFSET_ACS = new FaultCode[7];
    private static final FaultCode[] BY_OFFSET_CPE = new FaultCode[33];

    static {
        for (FaultCode faultCode : values()) {
            if (faultCode.code < 9000) {
                BY_OFFSET_ACS[faultCode.code - 8000] = faultCode;
            } else {
                BY_OFFSET_CPE[faultCode.code - 9000] = faultCode;
            }
        }
    }

    private final int code;
    private final String meaning;
    private final String soapFaultCode;

    FaultCode(int code, String meaning, String soapFaultCode) {
        this.code = code;
        this.meaning = meaning;
        this.soapFaultCode = soapFaultCode;
    }

    /** The numeric code, e.g. 9005. */
    public int code() {
        return code;
    }

    /** The spec's short name, e.g. "Invalid parameter name". */
    public String meaning() {
        return meaning;
    }

    /** The SOAP {@code faultcode} the spec gives for this code: "Client" or "Server". */
    public String soapFaultCode() {
        return soapFaultCode;
    }

    /** Whether this is one of the codes an ACS sends (8000-8999). */
    public boolean isAcsFault() {
        return code < 9000;
    }

    /** The constant for a code, empty for vendor-specific and unassigned codes. */
    public static Optional<FaultCode> of(int code) {
        if (code >= 8000 && code < 8000 + BY_OFFSET_ACS.length) {
            return Optional.of(BY_OFFSET_ACS[code - 8000]);
        }
        if (code >= 9000 && code < 9000 + BY_OFFSET_CPE.length) {
            return Optional.of(BY_OFFSET_CPE[code - 9000]);
        }
        return Optional.empty();
    }

    /** Whether a code is in a vendor-specific range: 8800-8899 (ACS) or 9800-9899 (CPE). */
    public static boolean isVendorSpecific(int code) {
        return (code >= 8800 && code <= 8899) || (code >= 9800 && code <= 9899);
    }
}
