package dev.cwmp.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedSessionContextTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-25T12:00:00Z");
    private static final DeviceId ID = new DeviceId("48575443", "HG8245", "4857544300000001");

    @Test
    void the_inform_carries_the_records_identity_the_events_and_the_instant() {
        ParameterTree tree = new ParameterTree();
        FixedSessionContext session = FixedSessionContext.builder(DeviceRecord.registered(ID, "Huawei", REGISTERED)
                .withTag("region-eu")).events("1 BOOT", "M Reboot").parameters(tree).build();

        assertThat(session.inform().deviceId()).isEqualTo(new DeviceIdStruct("Huawei", "48575443", "HG8245",
                "4857544300000001"));
        assertThat(session.inform().event()).extracting(EventStruct::eventCode).containsExactly("1 BOOT", "M Reboot");
        assertThat(session.hasEvent("M Reboot")).isTrue();
        assertThat(session.hasEvent("0 BOOTSTRAP")).isFalse();
        assertThat(session.now()).isEqualTo(REGISTERED);
        assertThat(session.inform().currentTime()).isEqualTo(REGISTERED);
        assertThat(session.parameters()).isSameAs(tree);
        assertThat(session.deviceId()).isEqualTo(ID);
        assertThat(session.device().tags()).containsExactly("region-eu");
        assertThat(session.sessionId()).contains(ID.serialNumber());
        assertThat(session.cwmpVersion()).isEqualTo(CwmpVersion.V1_2);
        assertThat(session.acsRequestCount()).isZero();
        assertThat(session.completedTasks()).isEmpty();
    }

    @Test
    void the_instant_can_differ_from_the_last_inform_attributes_stay_and_the_record_cannot_change() {
        Instant later = REGISTERED.plusSeconds(3600);
        FixedSessionContext session = FixedSessionContext.builder(DeviceRecord.registered(ID, "Huawei", REGISTERED))
                .now(later).build();

        session.attributes().put("state", 1);

        assertThat(session.attributes()).containsEntry("state", 1);
        assertThat(session.now()).isEqualTo(later);
        assertThat(session.inform().currentTime()).isEqualTo(later);
        assertThat(session.inform().event()).isEmpty();
        assertThatThrownBy(() -> session.updateDevice(r -> r.withTag("SEEN")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(session.device().tags()).isEmpty();
    }

    @Test
    void an_inform_of_another_device_is_refused() {
        FixedSessionContext huawei = FixedSessionContext.builder(DeviceRecord.registered(ID, "Huawei", REGISTERED))
                .build();
        DeviceRecord other = DeviceRecord.registered(new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4"),
                "MikroTik", REGISTERED);

        assertThatThrownBy(() -> new FixedSessionContext(other, huawei.inform(), huawei.parameters(), REGISTERED,
                huawei.attributes())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4AC7046131E4");
    }
}
