package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one deployment-unit operation, in a {@link DUStateChangeComplete} ({@code OpResultStruct}).
 *
 * @param uuid the unit's UUID
 * @param deploymentUnitRef the path of the unit's object in the data model
 * @param version the unit's version
 * @param currentState "Installed", "Uninstalled" or "Failed"
 * @param resolved whether the unit resolved its dependencies
 * @param executionUnitRefList comma-separated paths of the execution units
 * @param startTime when the operation started ({@link CwmpTimes#UNKNOWN} if unknown)
 * @param completeTime when it completed ({@link CwmpTimes#UNKNOWN} if unknown)
 * @param fault the outcome ({@link FaultStruct#SUCCESS} on success)
 */
public record OpResultStruct(String uuid, String deploymentUnitRef, String version, String currentState,
        boolean resolved, String executionUnitRefList, Instant startTime, Instant completeTime,
        FaultStruct fault) {

    // Validates.
    public OpResultStruct {
        Checks.text(uuid, "uuid");
        Checks.text(deploymentUnitRef, "deploymentUnitRef");
        Checks.text(version, "version");
        Checks.text(currentState, "currentState");
        Checks.text(executionUnitRefList, "executionUnitRefList");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(completeTime, "completeTime");
        Objects.requireNonNull(fault, "fault");
    }
}
