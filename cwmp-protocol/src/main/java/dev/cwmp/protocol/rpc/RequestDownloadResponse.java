package dev.cwmp.protocol.rpc;

/**
 * The ACS received the RequestDownload.
 */
public record RequestDownloadResponse() implements AcsResponse {

    @Override
    public String methodName() {
        return "RequestDownloadResponse";
    }
}
