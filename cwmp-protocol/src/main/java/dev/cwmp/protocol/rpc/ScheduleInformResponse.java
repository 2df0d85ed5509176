package dev.cwmp.protocol.rpc;

/**
 * The inform is scheduled.
 */
public record ScheduleInformResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "ScheduleInformResponse";
    }
}
