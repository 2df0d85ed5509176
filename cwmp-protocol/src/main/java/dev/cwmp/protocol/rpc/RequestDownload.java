package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The CPE asks the ACS to send it a Download.
 *
 * @param fileType the file type wanted
 * @param fileTypeArg arguments (at most 16)
 */
public record RequestDownload(String fileType, List<ArgStruct> fileTypeArg)
        implements CpeRequest<RequestDownloadResponse> {

    // Validates and copies.
    public RequestDownload {
        Checks.text(fileType, "fileType");
        fileTypeArg = List.copyOf(fileTypeArg);
    }

    @Override
    public String methodName() {
        return "RequestDownload";
    }

    @Override
    public Class<RequestDownloadResponse> responseType() {
        return RequestDownloadResponse.class;
    }
}
