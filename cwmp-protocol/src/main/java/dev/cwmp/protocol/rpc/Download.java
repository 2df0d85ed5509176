package dev.cwmp.protocol.rpc;

/**
 * Asks the CPE to download a file (firmware, configuration, ...).
 *
 * @param commandKey reported back in TransferComplete
 * @param fileType e.g. "1 Firmware Upgrade Image"
 * @param url where to download from
 * @param username the user name for the URL ("" for none)
 * @param password the password for the URL ("" for none)
 * @param fileSize the size in bytes (0 if unknown)
 * @param targetFileName the file name on the CPE ("" for none)
 * @param delaySeconds seconds to wait before starting
 * @param successUrl where to send the user on success ("" for none)
 * @param failureUrl where to send the user on failure ("" for none)
 */
public record Download(String commandKey, String fileType, String url, String username, String password,
        long fileSize, String targetFileName, long delaySeconds, String successUrl, String failureUrl)
        implements AcsRequest<DownloadResponse> {

    // Validates and copies.
    public Download {
        Checks.text(commandKey, "commandKey");
        Checks.text(fileType, "fileType");
        Checks.text(url, "url");
        Checks.text(username, "username");
        Checks.text(password, "password");
        Checks.unsignedInt(fileSize, "fileSize");
        Checks.text(targetFileName, "targetFileName");
        Checks.unsignedInt(delaySeconds, "delaySeconds");
        Checks.text(successUrl, "successUrl");
        Checks.text(failureUrl, "failureUrl");
    }

    @Override
    public String methodName() {
        return "Download";
    }

    @Override
    public Class<DownloadResponse> responseType() {
        return DownloadResponse.class;
    }
}
