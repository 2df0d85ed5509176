package dev.cwmp.protocol.rpc;

import dev.cwmp.protocol.FaultCode;
import java.util.Optional;

/**
 * The outcome of a transfer or deployment-unit operation ({@code FaultStruct}): code 0 and an empty
 * string for success, else a CPE fault code and text.
 *
 * @param faultCode 0 for success, else the fault code
 * @param faultString the fault text ("" on success)
 */
public record FaultStruct(int faultCode, String faultString) {
    /** Success: code 0, no text. */
    public static final FaultStruct SUCCESS = new FaultStruct(0, "");

    // Validates.
    public FaultStruct {
        if (faultCode < 0) {
            throw new IllegalArgumentException("faultCode must not be negative: " + faultCode);
        }
        Checks.text(faultString, "faultString");
    }

    /** A failure with a known code and its meaning as text. */
    public static FaultStruct of(FaultCode code) {
        return new FaultStruct(code.code(), code.meaning());
    }

    /** Whether this reports success (code 0). */
    public boolean isSuccess() {
        return faultCode == 0;
    }

    /** The code as a {@link FaultCode}, when it is one. */
    public Optional<FaultCode> knownCode() {
        return FaultCode.of(faultCode);
    }
}
