package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * Asks the CPE to download a file within time windows (1.2+).
 *
 * @param commandKey reported back in TransferComplete
 * @param fileType e.g. "1 Firmware Upgrade Image"
 * @param url where to download from
 * @param username the user name for the URL ("" for none)
 * @param password the password for the URL ("" for none)
 * @param fileSize the size in bytes (0 if unknown)
 * @param targetFileName the file name on the CPE ("" for none)
 * @param timeWindowList one or two time windows
 */
public record ScheduleDownload(String commandKey, String fileType, String url, String username,
        String password, long fileSize, String targetFileName, List<TimeWindowStruct> timeWindowList)
        implements AcsRequest<ScheduleDownloadResponse> {

    // Validates and copies.
    public ScheduleDownload {
        Checks.text(commandKey, "commandKey");
        Checks.text(fileType, "fileType");
        Checks.text(url, "url");
        Checks.text(username, "username");
        Checks.text(password, "password");
        Checks.unsignedInt(fileSize, "fileSize");
        Checks.text(targetFileName, "targetFileName");
        timeWindowList = List.copyOf(timeWindowList);
    }

    @Override
    public String methodName() {
        return "ScheduleDownload";
    }

    @Override
    public Class<ScheduleDownloadResponse> responseType() {
        return ScheduleDownloadResponse.class;
    }
}
