package dev.cwmp.provisioning.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.cwmp.provisioning.PresetFormatException;

/** The cron dialect of preset schedules (see {@link dev.cwmp.provisioning.PresetSchedule}). */
public final class CronSupport {

    private static final int MAX_LENGTH = 512;

    private static final CronDefinition DEFINITION = CronDefinitionBuilder.defineCron()
            .withSeconds().and()
            .withMinutes().and()
            .withHours().and()
            .withDayOfMonth().supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
                .supportsHash().supportsL().supportsQuestionMark().and()
            .instance();

    private static final CronParser PARSER = new CronParser(DEFINITION);

    private CronSupport() {}

    /** Parses five fields (seconds {@code *} prepended, as GenieACS does) or six. */
    public static Cron parse(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new PresetFormatException("schedule", "the cron expression is longer than " + MAX_LENGTH + " characters");
        }
        String[] fields = expression.strip().split("\\s+");
        String six;
        if (fields.length == 5) {
            six = "* " + String.join(" ", fields);
        } else if (fields.length == 6) {
            six = String.join(" ", fields);
        } else {
            throw new PresetFormatException("schedule",
                    "a cron expression has 5 or 6 fields, not " + fields.length + ": '" + expression + "'");
        }
        try {
            return PARSER.parse(six).validate();
        } catch (IllegalArgumentException e) {
            throw new PresetFormatException("schedule", "invalid cron expression '" + expression + "': " + e.getMessage(), e);
        }
    }
}
