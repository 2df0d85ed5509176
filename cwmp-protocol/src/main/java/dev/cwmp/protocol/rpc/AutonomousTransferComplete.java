package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.Objects;

/**
 * Reports the end of a transfer the ACS did not request (1.1+).
 *
 * @param announceUrl the URL the transfer was announced on ("" if none)
 * @param transferUrl the URL of the file
 * @param isDownload true for a download, false for an upload
 * @param fileType e.g. "1 Firmware Upgrade Image"
 * @param fileSize the size in bytes
 * @param targetFileName the file name on the CPE
 * @param faultStruct the outcome
 * @param startTime when it started
 * @param completeTime when it completed
 */
public record AutonomousTransferComplete(String announceUrl, String transferUrl, boolean isDownload,
        String fileType, long fileSize, String targetFileName, FaultStruct faultStruct, Instant startTime,
        Instant completeTime) implements CpeRequest<AutonomousTransferCompleteResponse> {

    // Validates and copies.
    public AutonomousTransferComplete {
        Checks.text(announceUrl, "announceUrl");
        Checks.text(transferUrl, "transferUrl");
        Checks.text(fileType, "fileType");
        Checks.unsignedInt(fileSize, "fileSize");
        Checks.text(targetFileName, "targetFileName");
        Objects.requireNonNull(faultStruct, "faultStruct");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(completeTime, "completeTime");
    }

    @Override
    public String methodName() {
        return "AutonomousTransferComplete";
    }

    @Override
    public Class<AutonomousTransferCompleteResponse> responseType() {
        return AutonomousTransferCompleteResponse.class;
    }
}
