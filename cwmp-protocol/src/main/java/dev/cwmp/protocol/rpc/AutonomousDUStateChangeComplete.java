package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Reports deployment-unit changes the ACS did not request (1.2+).
 *
 * @param results the results
 */
public record AutonomousDUStateChangeComplete(List<AutonOpResultStruct> results)
        implements CpeRequest<AutonomousDUStateChangeCompleteResponse> {

    // Validates and copies.
    public AutonomousDUStateChangeComplete {
        results = List.copyOf(results);
    }

    @Override
    public String methodName() {
        return "AutonomousDUStateChangeComplete";
    }

    @Override
    public Class<AutonomousDUStateChangeCompleteResponse> responseType() {
        return AutonomousDUStateChangeCompleteResponse.class;
    }
}
