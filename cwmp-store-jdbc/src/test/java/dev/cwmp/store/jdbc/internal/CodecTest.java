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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodecTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.123456789Z");
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");

    @Test
    public void a_tree_round_trips_with_every_aspect_and_timestamp() {
        ParameterTree tree = sampleTree();

        ParameterTree back = TreeCodec.decode(TreeCodec.encode(tree));

        assertThat(back.size()).isEqualTo(tree.size());
        assertThat(back.entries()).isEqualTo(tree.entries());
    }

    /** Blobs written by the stream-based codec of 0.1.0 snapshots before stop 12 read the same. */
    @Test
    public void blobs_of_the_earlier_encoder_still_decode() {
        byte[] oldTree = HexFormat.of().parseHex("01780163606060676077492dcb4c4ed5736460605c2434795b353b6b78a65ba61e"
                + "030f6b70b0a78b1e832093a19e334c52980524f89f992be3f096dc54850ff3673430705514a75815971465e6a53331"
                + "700597261527176526a516c1f440e853cc10fae662212603bd060e11b049473919d095010003d92a9b");
        assertThat(TreeCodec.decode(oldTree).entries()).isEqualTo(sampleTree().entries());

        byte[] oldRecord = HexFormat.of().parseHex("01084d696b726f54696b000000006b06cdc0075bcd15000000006b06ceed075bcd1501"
                + "000000006b06cdc0075bcd150380b7b6b00d959aef3a00063120424f4f5400d804959aef3a000a3220504552494f4449"
                + "430002959aef3a000a4d20446f776e6c6f6164046bc3a979020b50524f564953494f4e454403622063");
        DeviceRecord record = DeviceRecord.restore(ID, "MikroTik", T0, T0.plusSeconds(301), Optional.of(T0),
                Optional.empty(), List.of(new DeviceEvent(T0, "1 BOOT", ""),
                        new DeviceEvent(T0.plusSeconds(300), "2 PERIODIC", ""),
                        new DeviceEvent(T0.plusSeconds(301), "M Download", "k\u00e9y")),
                new LinkedHashSet<>(List.of("PROVISIONED", "b c")));
        assertThat(RecordCodec.decode(ID, oldRecord)).isEqualTo(record);
        assertThat(RecordCodec.encode(record)).isEqualTo(oldRecord);
    }

    @Test
    public void a_truncated_or_inflating_too_far_blob_is_refused_not_read_forever() throws Exception {
        byte[] blob = TreeCodec.encode(sampleTree());
        for (int cut = 1; cut < blob.length; cut++) {
            byte[] truncated = Arrays.copyOf(blob, cut);
            assertThatThrownBy(() -> TreeCodec.decode(truncated)).as("cut at %d", cut)
                    .isInstanceOf(JdbcStoreException.class);
        }
        ByteSink zeros = new ByteSink(1 << 20);
        zeros.write(new byte[1 << 20]);
        byte[] bomb = Compression.deflate(1, zeros);
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> Compression.inflate(bomb, 1, 64 * 1024))
                .isInstanceOf(ByteSource.CorruptBlobException.class).hasMessageContaining("more than 65536 bytes");
        assertThat(Compression.inflate(bomb, 1, 2 << 20).readLong()).isZero();
    }

    private static ParameterTree sampleTree() {
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

        return tree;
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
