package dev.cwmp.protocol.rpc;

/**
 * A time window of a {@link ScheduleDownload} ({@code TimeWindowStruct}).
 *
 * @param windowStart seconds from the request to the start of the window
 * @param windowEnd seconds from the request to the end of the window
 * @param windowMode e.g. "1 At Any Time", "2 Immediately", "3 When Idle", "4 Confirmation Needed"
 * @param userMessage the message to show the user ("" if none)
 * @param maxRetries how often the CPE may retry, -1 for the CPE's own policy
 */
public record TimeWindowStruct(long windowStart, long windowEnd, String windowMode, String userMessage,
        int maxRetries) {
    public static final String AT_ANY_TIME = "1 At Any Time";
    public static final String IMMEDIATELY = "2 Immediately";
    public static final String WHEN_IDLE = "3 When Idle";
    public static final String CONFIRMATION_NEEDED = "4 Confirmation Needed";

    // Validates.
    public TimeWindowStruct {
        Checks.unsignedInt(windowStart, "windowStart");
        Checks.unsignedInt(windowEnd, "windowEnd");
        Checks.text(windowMode, "windowMode");
        Checks.text(userMessage, "userMessage");
    }
}
