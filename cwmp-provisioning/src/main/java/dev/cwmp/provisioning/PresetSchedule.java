package dev.cwmp.provisioning;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import dev.cwmp.provisioning.internal.CronSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * When a preset may apply: a window of {@link #duration()} opening at each firing of a cron
 * expression, written as GenieACS writes a preset's {@code schedule}: the duration in seconds, then
 * the cron expression ({@code "3600 0 2 * * *"}: an hour from 02:00:00 each day).
 *
 * <p>The cron expression has six fields (second, minute, hour, day of month, month, day of week) or
 * five, which GenieACS reads with {@code *} prepended as the seconds field (so {@code 0 2 * * *}
 * fires every second of 02:00 and the window runs from 02:00:00 to 02:00:59 plus the duration).
 * Fields take numbers, {@code *}, ranges, lists and steps ({@code 0-30/5,45}), month and day names
 * ({@code JAN}, {@code MON}), {@code ?}, {@code L}, {@code W} and {@code #}; days of the week run
 * from 0 (Sunday) to 7 (Sunday again). Times are in UTC, as in GenieACS, unless a zone is given
 * ({@link #withZone}, Java API only: the JSON has no place for one).
 *
 * <p>The window is active at {@code now} when the latest firing at or before {@code now} (to the
 * second) is less than {@code duration} ago: {@code lastFiring + duration > now}. Immutable and
 * thread-safe; time comes from the caller (the session's clock), never from the system clock.
 */
public final class PresetSchedule {

    private final Duration duration;
    private final String cron;
    private final ZoneId zone;
    private final ExecutionTime execution;
    /** The last computed stretch of time between two firings; replaced as time moves on (racy, immutable). */
    private volatile Window window;

    /** For every instant in [from, until), the latest firing is {@code last}. */
    private record Window(Instant from, Instant until, Optional<Instant> last) {
        boolean covers(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    private PresetSchedule(Duration duration, String cron, ZoneId zone) {
        this.duration = duration;
        this.cron = cron;
        this.zone = zone;
        Cron parsed = CronSupport.parse(cron);
        this.execution = ExecutionTime.forCron(parsed);
    }

    /**
     * Parses GenieACS's form: whole seconds, whitespace, the cron expression.
     *
     * @throws PresetFormatException (field {@code schedule}) when either part is malformed
     */
    public static PresetSchedule parse(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new PresetFormatException("schedule",
                    "expected '<duration in seconds> <cron expression>', e.g. '3600 0 2 * * *', not '" + text + "'");
        }
        long seconds;
        try {
            seconds = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new PresetFormatException("schedule",
                    "the duration is whole seconds before the cron expression, not '" + parts[0] + "'");
        }
        return of(Duration.ofSeconds(seconds), parts[1]);
    }

    /**
     * A schedule of {@code duration} (whole seconds, positive) from each firing of {@code cron}, in UTC.
     *
     * @throws PresetFormatException (field {@code schedule}) when the cron expression is malformed
     */
    public static PresetSchedule of(Duration duration, String cron) {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(cron, "cron");
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            throw new PresetFormatException("schedule", "the duration is a positive number of whole seconds: " + duration);
        }
        String normalized = String.join(" ", cron.strip().split("\\s+"));
        return new PresetSchedule(duration, normalized, ZoneOffset.UTC);
    }

    /** This schedule with its cron expression read in another time zone. */
    public PresetSchedule withZone(ZoneId newZone) {
        return new PresetSchedule(duration, cron, Objects.requireNonNull(newZone, "zone"));
    }

    /** How long the window stays open after each firing. */
    public Duration duration() {
        return duration;
    }

    /** The cron expression, whitespace normalized, as given (five or six fields). */
    public String cron() {
        return cron;
    }

    /** The zone the cron expression is read in (UTC unless set). */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The latest firing at or before {@code now} (to the second), if the expression ever fired.
     * Answers from the span between two firings computed last, so most calls do no cron arithmetic.
     */
    public Optional<Instant> lastFiring(Instant now) {
        Window w = window;
        if (w == null || !w.covers(now)) {
            w = computeWindow(now);
            window = w;
        }
        return w.last();
    }

    private Window computeWindow(Instant now) {
        ZonedDateTime at = now.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        Optional<Instant> last = execution.isMatch(at) ? Optional.of(at.toInstant())
                : execution.lastExecution(at).map(ZonedDateTime::toInstant);
        Instant until = execution.nextExecution(at).map(ZonedDateTime::toInstant).orElse(Instant.MAX);
        return new Window(last.orElse(Instant.MIN), until, last);
    }

    /** Whether the window is open at {@code now}. */
    public boolean isActive(Instant now) {
        Optional<Instant> last = lastFiring(now);
        return last.isPresent() && last.get().plus(duration).isAfter(now);
    }

    /** The next firing after {@code now}, if any. */
    public Optional<Instant> nextFiring(Instant now) {
        return execution.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PresetSchedule s && duration.equals(s.duration) && cron.equals(s.cron) && zone.equals(s.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, cron, zone);
    }

    /** GenieACS's form: {@code "3600 0 2 * * *"} (the zone is not part of it). */
    @Override
    public String toString() {
        return duration.getSeconds() + " " + cron;
    }
}
