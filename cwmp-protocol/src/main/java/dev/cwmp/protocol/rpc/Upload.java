package dev.cwmp.protocol.rpc;

/**
 * Asks the CPE to upload a file (configuration, log).
 *
 * @param commandKey reported back in TransferComplete
 * @param fileType e.g. "1 Vendor Configuration File"
 * @param url where to upload to
 * @param username the user name for the URL ("" for none)
 * @param password the password for the URL ("" for none)
 * @param delaySeconds seconds to wait before starting
 */
public record Upload(String commandKey, String fileType, String url, String username, String password,
        long delaySeconds) implements AcsRequest<UploadResponse> {

    // Validates and copies.
    public Upload {
        Checks.text(commandKey, "commandKey");
        Checks.text(fileType, "fileType");
        Checks.text(url, "url");
        Checks.text(username, "username");
        Checks.text(password, "password");
        Checks.unsignedInt(delaySeconds, "delaySeconds");
    }

    @Override
    public String methodName() {
        return "Upload";
    }

    @Override
    public Class<UploadResponse> responseType() {
        return UploadResponse.class;
    }
}
