package dev.cwmp.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void writes_the_same_text_as_the_jdk_and_reads_it_back() {
        SplittableRandom random = new SplittableRandom(8);
        List<Integer> nanos = List.of(0, 1, 999_999_999, 123_000_000, 123_456_000, 123_456_789, 100, 1000);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L - 1000, 253_402_300_799L + 1000);
            int nano = i % 2 == 0 ? nanos.get(i % nanos.size()) : random.nextInt(1_000_000_000);
            Instant t = Instant.ofEpochSecond(seconds, nano);
            String text = IsoInstants.format(t);
            assertThat(text).isEqualTo(t.toString());
            assertThat(IsoInstants.parse(text)).isEqualTo(t);
        }
    }

    @Test
    void reads_the_edges_of_the_calendar() {
        for (String s : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "2024-02-29T12:00:00.5Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")) {
            assertThat(IsoInstants.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void refuses_what_the_jdk_refuses() {
        for (String s : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-25T25:00:00Z",
                "2026-11-25T12:00:0xZ", "2026-11-25T12:00:00.12x4Z", "2026-11-25 12:00:00Z", "2026-11-25T12:00:00")) {
            assertThatThrownBy(() -> IsoInstants.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
