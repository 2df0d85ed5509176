package dev.cwmp.nbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Device documents in GenieACS's shape, and projection, sorting and paging of documents. */
class DocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");

    private static ObjectNode device() {
        DeviceRecord record = DeviceRecord.registered(ID, "MikroTik", T)
                .withInform("MikroTik", T.plusSeconds(60), List.of(new DeviceEvent(T, "1 BOOT", "")), 8)
                .withTag("office");
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(List.of(
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.DeviceInfo.UpTime"), "3600", "xsd:unsignedInt"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.WiFi.Radio.1.Enable"), "1", "xsd:boolean"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.Time.CurrentLocalTime"), "2026-11-25T11:00:00+01:00",
                        "xsd:dateTime"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.DeviceInfo.SoftwareVersion"), "6.48.6",
                        "xsd:string")), T.plusSeconds(60));
        return DeviceDocuments.document(record, Optional.of(tree));
    }

    @Test
    void a_device_document_has_genieacs_read_only_device_id_parameters() {
        JsonNode deviceId = device().get("DeviceID");

        assertThat(deviceId.get("_object").asBoolean()).isTrue();
        assertThat(deviceId.get("ID").get("_value").asText()).isEqualTo("E48D8C-RB951Ui%2D2HnD-4AC7046131E4");
        assertThat(deviceId.get("Manufacturer").get("_value").asText()).isEqualTo("MikroTik");
        assertThat(deviceId.get("OUI").get("_value").asText()).isEqualTo("E48D8C");
        assertThat(deviceId.get("ProductClass").get("_value").asText()).isEqualTo("RB951Ui-2HnD");
        assertThat(deviceId.get("SerialNumber").get("_writable").asBoolean()).isFalse();
        assertThat(deviceId.get("SerialNumber").get("_type").asText()).isEqualTo("xsd:string");
        assertThat(DeviceDocuments.readsParameters(DeviceDocuments.expandPath("DeviceID.ProductClass"))).isFalse();
        assertThat(DeviceDocuments.readsParameters(DeviceDocuments.expandPath("Device.DeviceInfo.UpTime"))).isTrue();
    }

    @Test
    void a_device_document_has_genieacs_fields_and_typed_values() {
        ObjectNode doc = device();

        assertThat(doc.get("_id").asText()).isEqualTo("E48D8C-RB951Ui%2D2HnD-4AC7046131E4");
        assertThat(doc.get("_deviceId").get("_Manufacturer").asText()).isEqualTo("MikroTik");
        assertThat(doc.get("_registered").asText()).isEqualTo("2026-11-25T10:00:00.000Z");
        assertThat(doc.get("_lastInform").asText()).isEqualTo("2026-11-25T10:01:00.000Z");
        assertThat(doc.get("_lastBoot").asText()).isEqualTo("2026-11-25T10:01:00.000Z");
        assertThat(doc.has("_lastBootstrap")).isFalse();
        assertThat(doc.get("_tags").get(0).asText()).isEqualTo("office");
        JsonNode info = doc.get("Device").get("DeviceInfo");
        assertThat(info.get("UpTime").get("_value").isIntegralNumber()).isTrue();
        assertThat(info.get("UpTime").get("_value").asLong()).isEqualTo(3600);
        assertThat(info.get("UpTime").get("_type").asText()).isEqualTo("xsd:unsignedInt");
        assertThat(info.get("UpTime").get("_timestamp").asText()).isEqualTo("2026-11-25T10:01:00.000Z");
        assertThat(info.get("SoftwareVersion").get("_value").asText()).isEqualTo("6.48.6");
        assertThat(doc.get("Device").get("WiFi").get("Radio").get("1").get("Enable").get("_value").isBoolean()).isTrue();
        assertThat(doc.get("Device").get("Time").get("CurrentLocalTime").get("_value").asText())
                .isEqualTo("2026-11-25T10:00:00.000Z");
    }

    @Test
    void bare_fields_expand_to_their_value_and_underscore_fields_stay() {
        assertThat(DeviceDocuments.expandPath("Device.DeviceInfo.UpTime")).isEqualTo("Device.DeviceInfo.UpTime._value");
        assertThat(DeviceDocuments.expandPath("Device.DeviceInfo.UpTime._timestamp")).isEqualTo("Device.DeviceInfo.UpTime._timestamp");
        assertThat(DeviceDocuments.expandPath("_tags")).isEqualTo("_tags");
        assertThat(DeviceDocuments.expandPath("_deviceId._OUI")).isEqualTo("_deviceId._OUI");
    }

    @Test
    void projection_keeps_the_id_and_the_fields_asked_without_changing_the_document() {
        ObjectNode doc = device();
        ObjectNode before = doc.deepCopy();
        CollectionQuery q = CollectionQuery.parse(Map.of("projection", "Device.DeviceInfo, Device.DeviceInfo.UpTime,_tags"),
                DeviceDocuments::expandPath);

        JsonNode projected = q.apply(List.of(doc)).documents().get(0);

        assertThat(projected.fieldNames()).toIterable().containsExactly("_id", "Device", "_tags");
        assertThat(projected.get("Device").get("DeviceInfo").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("_object", "UpTime", "SoftwareVersion");
        assertThat(doc).isEqualTo(before);
    }

    @Test
    void sorting_puts_missing_values_first_and_reverses_with_minus_one() throws Exception {
        List<JsonNode> docs = List.of(JSON.readTree("{\"_id\": \"a\", \"n\": {\"_value\": 2}}"),
                JSON.readTree("{\"_id\": \"b\"}"), JSON.readTree("{\"_id\": \"c\", \"n\": {\"_value\": 10}}"));

        List<String> up = ids(CollectionQuery.parse(Map.of("sort", "{\"n\": 1}"), DeviceDocuments::expandPath).apply(docs));
        List<String> down = ids(CollectionQuery.parse(Map.of("sort", "{\"n\": -1}", "limit", "2"), DeviceDocuments::expandPath)
                .apply(docs));

        assertThat(up).containsExactly("b", "a", "c");
        assertThat(down).containsExactly("c", "a");
    }

    @Test
    void the_total_counts_every_match_not_the_page() throws Exception {
        List<JsonNode> docs = List.of(JSON.readTree("{\"_id\": \"a\"}"), JSON.readTree("{\"_id\": \"b\"}"),
                JSON.readTree("{\"_id\": \"c\"}"));

        CollectionQuery.Page page = CollectionQuery.parse(Map.of("skip", "1", "limit", "1"), p -> p).apply(docs);

        assertThat(page.total()).isEqualTo(3);
        assertThat(ids(page)).containsExactly("b");
    }

    @Test
    void a_bad_sort_or_projection_is_refused_with_the_reason() {
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("sort", "[1]"), p -> p)).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("projection", "a,,b"), p -> p)).hasMessageContaining("bad projection");
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("projection", "a.$b"), p -> p)).hasMessageContaining("bad projection");
    }

    private static List<String> ids(CollectionQuery.Page page) {
        return page.documents().stream().map(d -> d.get("_id").asText()).toList();
    }
}
