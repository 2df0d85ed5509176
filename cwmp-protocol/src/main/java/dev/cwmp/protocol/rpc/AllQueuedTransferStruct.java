package dev.cwmp.protocol.rpc;

/**
 * A transfer, ACS-requested or autonomous, in a {@link GetAllQueuedTransfersResponse}.
 *
 * @param commandKey the transfer's command key
 * @param state 1 not yet started, 2 in progress, 3 completed
 * @param isDownload true for a download, false for an upload
 * @param fileType e.g. "1 Firmware Upgrade Image"
 * @param fileSize the size in bytes (0 if unknown)
 * @param targetFileName the target file name ("" if none)
 */
public record AllQueuedTransferStruct(String commandKey, int state, boolean isDownload, String fileType,
        long fileSize, String targetFileName) {

    // Validates.
    public AllQueuedTransferStruct {
        Checks.text(commandKey, "commandKey");
        Checks.range(state, 1, 3, "state");
        Checks.text(fileType, "fileType");
        Checks.unsignedInt(fileSize, "fileSize");
        Checks.text(targetFileName, "targetFileName");
    }
}
