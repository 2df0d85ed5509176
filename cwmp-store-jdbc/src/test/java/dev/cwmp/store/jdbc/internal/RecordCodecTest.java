package dev.cwmp.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.123456789Z");
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");

    @Test
    void a_record_round_trips_to_the_nanosecond_with_events_out_of_order_and_before_1970() {
        List<DeviceEvent> events = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            events.add(new DeviceEvent(T0.plusNanos(i * 7_654_321L), i % 3 == 0 ? "1 BOOT" : "2 PERIODIC", ""));
        }
        events.add(new DeviceEvent(Instant.parse("1969-12-31T23:59:59.5Z"), "M Reboot", "k\u00e9y"));
        events.add(new DeviceEvent(T0.minusSeconds(86_400 * 400), "M Download", "\uD83D\uDE00"));
        DeviceRecord r = DeviceRecord.restore(ID, "MikroTik \u00c5", T0, T0.plusSeconds(60),
                Optional.of(T0.plusSeconds(30)), Optional.of(Instant.EPOCH), events, Set.of("a", "b c", "z"));

        byte[] blob = RecordCodec.encode(r);

        assertThat(RecordCodec.decode(ID, blob)).isEqualTo(r);
        assertThat(blob.length).isLessThan(JsonCodec.record(r).length() / 4);
    }

    @Test
    void a_fresh_record_round_trips_and_garbage_is_refused() {
        DeviceRecord r = DeviceRecord.registered(ID, "", T0);
        assertThat(RecordCodec.decode(ID, RecordCodec.encode(r))).isEqualTo(r);
        assertThatThrownBy(() -> RecordCodec.decode(ID, new byte[] {1, 5, 'a'})).isInstanceOf(JdbcStoreException.class);
        assertThatThrownBy(() -> RecordCodec.decode(ID, new byte[] {7})).isInstanceOf(JdbcStoreException.class);
        assertThatThrownBy(() -> RecordCodec.decode(ID, new byte[0])).isInstanceOf(JdbcStoreException.class);
    }
}
