package dev.cwmp.protocol.rpc;

/**
 * Asks the CPE to open a session later.
 *
 * @param delaySeconds seconds from now (at least 1)
 * @param commandKey reported back with the "M ScheduleInform" event
 */
public record ScheduleInform(long delaySeconds, String commandKey)
        implements AcsRequest<ScheduleInformResponse> {

    // Validates and copies.
    public ScheduleInform {
        Checks.unsignedInt(delaySeconds, "delaySeconds");
        Checks.text(commandKey, "commandKey");
    }

    @Override
    public String methodName() {
        return "ScheduleInform";
    }

    @Override
    public Class<ScheduleInformResponse> responseType() {
        return ScheduleInformResponse.class;
    }
}
