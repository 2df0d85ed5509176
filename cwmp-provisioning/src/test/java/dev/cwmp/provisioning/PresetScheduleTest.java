package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PresetScheduleTest {

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void a_six_field_schedule_opens_at_each_firing_for_its_duration() {
        PresetSchedule nightly = PresetSchedule.parse("3600 0 0 2 * * *");
        assertThat(nightly.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(nightly.isActive(at("2026-11-25T01:59:59Z"))).isFalse();
        assertThat(nightly.isActive(at("2026-11-25T02:00:00Z"))).isTrue();
        assertThat(nightly.isActive(at("2026-11-25T02:30:00Z"))).isTrue();
        assertThat(nightly.isActive(at("2026-11-25T02:59:59.999Z"))).isTrue();
        assertThat(nightly.isActive(at("2026-11-25T03:00:00Z"))).isFalse();
        assertThat(nightly.lastFiring(at("2026-11-25T01:00:00Z"))).contains(at("2026-11-24T02:00:00Z"));
        assertThat(nightly.nextFiring(at("2026-11-25T02:30:00Z"))).contains(at("2026-11-26T02:00:00Z"));
    }

    @Test
    void a_five_field_schedule_fires_every_second_of_its_minute_as_in_genieacs() {
        PresetSchedule s = PresetSchedule.parse("60 30 4 * * *");
        assertThat(s.lastFiring(at("2026-11-25T04:30:42Z"))).contains(at("2026-11-25T04:30:42Z"));
        assertThat(s.lastFiring(at("2026-11-25T05:00:00Z"))).contains(at("2026-11-25T04:30:59Z"));
        assertThat(s.isActive(at("2026-11-25T04:31:58Z"))).isTrue();
        assertThat(s.isActive(at("2026-11-25T04:31:59Z"))).isFalse();
        assertThat(s.isActive(at("2026-11-25T04:29:59Z"))).isFalse();
    }

    @Test
    void days_of_week_count_from_sunday_as_zero_or_seven_and_take_names() {
        // 2026-11-29 is a Sunday, 2026-11-30 a Monday.
        Instant sunday = at("2026-11-29T12:00:00Z");
        Instant monday = at("2026-11-30T12:00:00Z");
        for (String dow : new String[] {"0", "7", "SUN"}) {
            PresetSchedule s = PresetSchedule.parse("86400 0 0 0 * * " + dow);
            assertThat(s.isActive(sunday)).as(dow).isTrue();
            assertThat(s.isActive(monday)).as(dow).isFalse();
        }
        PresetSchedule weekdays = PresetSchedule.parse("3600 0 0 12 * * MON-FRI");
        assertThat(weekdays.isActive(monday)).isTrue();
        assertThat(weekdays.isActive(sunday)).isFalse();
    }

    @Test
    void steps_ranges_and_lists() {
        PresetSchedule s = PresetSchedule.parse("300 0 0/15 8-9 * * *");
        assertThat(s.isActive(at("2026-11-25T08:16:00Z"))).isTrue();
        assertThat(s.isActive(at("2026-11-25T08:21:00Z"))).isFalse();
        assertThat(s.isActive(at("2026-11-25T09:45:10Z"))).isTrue();
        assertThat(s.isActive(at("2026-11-25T10:00:10Z"))).isFalse();
    }

    @Test
    void answers_the_same_whatever_order_the_instants_come_in() {
        PresetSchedule nightly = PresetSchedule.parse("3600 0 0 2 * * *");
        String[] instants = {"2026-11-25T02:30:00Z", "2026-11-24T02:10:00Z", "2026-11-25T03:30:00Z",
            "2026-11-25T01:59:59Z", "2026-11-26T02:00:00Z", "2026-11-25T02:59:59Z", "2026-11-25T03:00:00Z"};
        boolean[] expected = {true, true, false, false, true, true, false};
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < instants.length; i++) {
                assertThat(nightly.isActive(at(instants[i]))).as(instants[i]).isEqualTo(expected[i]);
            }
        }
        PresetSchedule fresh = PresetSchedule.parse("3600 0 0 2 * * *");
        assertThat(fresh.lastFiring(at("2026-11-25T03:30:00Z"))).contains(at("2026-11-25T02:00:00Z"));
    }

    @Test
    void utc_unless_a_zone_is_given() {
        PresetSchedule utc = PresetSchedule.parse("3600 0 0 2 * * *");
        PresetSchedule paris = utc.withZone(ZoneId.of("Europe/Paris"));
        Instant twoInParis = at("2026-11-25T01:30:00Z"); // 02:30 CET
        assertThat(utc.isActive(twoInParis)).isFalse();
        assertThat(paris.isActive(twoInParis)).isTrue();
        assertThat(paris.toString()).isEqualTo("3600 0 0 2 * * *");
        assertThat(paris).isNotEqualTo(utc);
    }

    @Test
    void prints_genieacs_form_with_whitespace_normalized() {
        assertThat(PresetSchedule.parse("  600\t0  */5 * * *  ").toString()).isEqualTo("600 0 */5 * * *");
        assertThat(PresetSchedule.of(Duration.ofMinutes(1), "0 0 * * * *").toString()).isEqualTo("60 0 0 * * * *");
    }

    @Test
    void rejects_malformed_schedules() {
        assertThatThrownBy(() -> PresetSchedule.parse("0 2 * * *")).isInstanceOf(PresetFormatException.class);
        assertThatThrownBy(() -> PresetSchedule.parse("3600")).isInstanceOf(PresetFormatException.class)
                .hasMessageContaining("<duration in seconds> <cron expression>");
        assertThatThrownBy(() -> PresetSchedule.parse("0 0 2 * * * *")).isInstanceOf(PresetFormatException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> PresetSchedule.parse("60 0 0 25 * * *")).isInstanceOf(PresetFormatException.class)
                .hasMessageContaining("invalid cron expression");
        assertThatThrownBy(() -> PresetSchedule.parse("60 0 0 2 * * * 2026")).isInstanceOf(PresetFormatException.class)
                .hasMessageContaining("5 or 6 fields");
    }
}
