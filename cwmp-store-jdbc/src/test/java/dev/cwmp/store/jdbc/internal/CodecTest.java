package dev.cwmp.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodecTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.123456789Z");
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");

    @Test
    public void a_tree_round_trips_with_every_aspect_and_timestamp() {
        ParameterTree tree = new ParameterTree();
        tree.mergeAllNames(false, List.of(
                new ParameterTree.NameInfo(ParameterPath.parse("Device."), false),
                new ParameterTree.NameInfo(ParameterPath.parse("Device.WiFi.SSID.1."), true),
                new ParameterTree.NameInfo(ParameterPath.parse("Device.WiFi.SSID.1.SSID"), true),
                new ParameterTree.NameInfo(ParameterPath.parse("Device.WiFi.SSID.10.SSID"), false)), T0);
        tree.mergeValues(List.of(
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.WiFi.SSID.1.SSID"), "h\u00f4me \uD83D\uDE00", "xsd:string"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.WiFi.SSID.10.SSID"), "", Optional.empty())),
                T0.plusSeconds(5));
        tree.mergeAttributes(List.of(new ParameterTree.AttributeInfo(
                ParameterPath.parse("Device.WiFi.SSID.1.SSID"), 2, List.of("Subscriber"))), T0.plusSeconds(9));
        tree.invalidate(ParameterPath.parse("Device.WiFi.SSID.10."), EnumSet.of(ParameterTree.Aspect.VALUE));

        ParameterTree back = TreeCodec.decode(TreeCodec.encode(tree));

        assertThat(back.size()).isEqualTo(tree.size());
        assertThat(back.entries()).isEqualTo(tree.entries());
    }

    @Test
    public void an_empty_tree_round_trips_and_garbage_is_refused() {
        assertThat(TreeCodec.decode(TreeCodec.encode(new ParameterTree())).size()).isZero();
        assertThatThrownBy(() -> TreeCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(JdbcStoreException.class);
        assertThatThrownBy(() -> TreeCodec.decode(new byte[] {9})).isInstanceOf(JdbcStoreException.class);
    }

    @Test
    public void a_record_round_trips_to_the_nanosecond() {
        DeviceRecord r = DeviceRecord.restore(ID, "MikroTik", T0, T0.plusSeconds(60), Optional.of(T0.plusSeconds(30)),
                Optional.empty(), List.of(new DeviceEvent(T0, "1 BOOT", ""), new DeviceEvent(T0, "M Reboot", "k\"1")),
                Set.of("a", "b c"));
        assertThat(JsonCodec.record(ID, JsonCodec.record(r))).isEqualTo(r);
    }

    @Test
    public void every_task_action_round_trips() {
        List<TaskAction> actions = List.of(
                new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.", "Device.Time.Enable")),
                new TaskAction.SetParameterValues(List.of(
                        new ParameterValueStruct("Device.Time.Enable", "true", XsdType.BOOLEAN),
                        new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "x", XsdType.STRING)), "pk"),
                new TaskAction.RefreshObject("Device.WiFi."),
                new TaskAction.AddObject("Device.WiFi.SSID.", "k"),
                new TaskAction.DeleteObject("Device.WiFi.SSID.3.", "k"),
                new TaskAction.Reboot("r"),
                new TaskAction.FactoryReset(),
                new TaskAction.DownloadFile(new Download("c", "1 Firmware Upgrade Image", "http://127.0.0.1/f",
                        "u", "p", 123, "f.bin", 5, "", "")),
                new TaskAction.UploadFile(new Upload("c", "3 Vendor Log File", "http://127.0.0.1/u", "", "", 0)),
                new TaskAction.ScheduleInform(30, "s"));
        for (TaskAction action : actions) {
            Task t = new Task("t-" + action.name(), ID, action, T0, T0.plusSeconds(3600));
            assertThat(JsonCodec.task(ID, JsonCodec.task(t))).isEqualTo(t);
        }
    }
}
