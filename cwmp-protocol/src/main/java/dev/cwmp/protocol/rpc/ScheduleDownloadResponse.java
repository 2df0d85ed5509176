package dev.cwmp.protocol.rpc;

/**
 * The download is scheduled.
 */
public record ScheduleDownloadResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "ScheduleDownloadResponse";
    }
}
