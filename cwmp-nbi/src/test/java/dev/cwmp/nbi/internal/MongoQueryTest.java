package dev.cwmp.nbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The query subset, on documents shaped as the NBI's devices are. */
class MongoQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEVICE = """
            {"_id": "E48D8C-RB951Ui%2D2HnD-4AC7046131E4",
             "_deviceId": {"_OUI": "E48D8C", "_SerialNumber": "4AC7046131E4", "_ProductClass": "RB951Ui-2HnD"},
             "_lastInform": "2026-11-25T10:00:00.000Z",
             "_tags": ["office", "pending"],
             "Device": {"DeviceInfo": {
                 "SoftwareVersion": {"_value": "6.48.6", "_type": "xsd:string"},
                 "UpTime": {"_value": 3600, "_type": "xsd:unsignedInt"}},
               "WiFi": {"Radio": {"1": {"Enable": {"_value": true, "_type": "xsd:boolean"}}}}}}""";

    private static boolean matches(String query) {
        try {
            return MongoQuery.parse(JSON.readTree(query), DeviceDocuments::expandPath).matches(JSON.readTree(DEVICE));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void equality_on_a_parameter_means_its_value() {
        assertThat(matches("{\"Device.DeviceInfo.SoftwareVersion\": \"6.48.6\"}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.SoftwareVersion._value\": \"6.48.6\"}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.SoftwareVersion\": \"7.1\"}")).isFalse();
    }

    @Test
    void equality_on_an_array_is_membership() {
        assertThat(matches("{\"_tags\": \"office\"}")).isTrue();
        assertThat(matches("{\"_tags\": \"lab\"}")).isFalse();
    }

    @Test
    void numbers_compare_with_numbers_and_with_strings_holding_numbers() {
        assertThat(matches("{\"Device.DeviceInfo.UpTime\": {\"$gt\": 60}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.UpTime\": {\"$gte\": 3600, \"$lte\": 3600}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.UpTime\": {\"$lt\": 60}}")).isFalse();
        assertThat(matches("{\"Device.DeviceInfo.UpTime\": \"3600\"}")).isTrue();
    }

    @Test
    void dates_compare_as_dates_and_with_epoch_milliseconds() {
        assertThat(matches("{\"_lastInform\": {\"$gt\": \"2026-11-25T09:00:00Z\"}}")).isTrue();
        assertThat(matches("{\"_lastInform\": {\"$lt\": \"2026-11-25T09:00:00Z\"}}")).isFalse();
        assertThat(matches("{\"_lastInform\": {\"$gte\": 1795600800000}}")).isTrue();
    }

    @Test
    void booleans_match_json_booleans_and_their_text() {
        assertThat(matches("{\"Device.WiFi.Radio.1.Enable\": true}")).isTrue();
        assertThat(matches("{\"Device.WiFi.Radio.1.Enable\": \"true\"}")).isTrue();
        assertThat(matches("{\"Device.WiFi.Radio.1.Enable\": false}")).isFalse();
    }

    @Test
    void ne_in_nin_and_exists() {
        assertThat(matches("{\"_deviceId._OUI\": {\"$ne\": \"000000\"}}")).isTrue();
        assertThat(matches("{\"_deviceId._OUI\": {\"$in\": [\"000000\", \"E48D8C\"]}}")).isTrue();
        assertThat(matches("{\"_deviceId._OUI\": {\"$nin\": [\"E48D8C\"]}}")).isFalse();
        assertThat(matches("{\"_tags\": {\"$nin\": [\"lab\"]}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.UpTime\": {\"$exists\": true}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.Missing\": {\"$exists\": false}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.Missing\": {\"$exists\": true}}")).isFalse();
        assertThat(matches("{\"Device.DeviceInfo.Missing\": null}")).isTrue();
    }

    @Test
    void regex_with_options_and_not() {
        assertThat(matches("{\"_deviceId._ProductClass\": {\"$regex\": \"^rb951\", \"$options\": \"i\"}}")).isTrue();
        assertThat(matches("{\"_deviceId._ProductClass\": {\"$regex\": \"^rb951\"}}")).isFalse();
        assertThat(matches("{\"Device.DeviceInfo.UpTime\": {\"$not\": {\"$gt\": 60}}}")).isFalse();
        assertThat(matches("{\"Device.DeviceInfo.Missing\": {\"$not\": {\"$gt\": 60}}}")).isTrue();
    }

    @Test
    void and_or_nor_combine_queries() {
        assertThat(matches("{\"$or\": [{\"_tags\": \"lab\"}, {\"_deviceId._OUI\": \"E48D8C\"}]}")).isTrue();
        assertThat(matches("{\"$and\": [{\"_tags\": \"lab\"}, {\"_deviceId._OUI\": \"E48D8C\"}]}")).isFalse();
        assertThat(matches("{\"$nor\": [{\"_tags\": \"lab\"}]}")).isTrue();
        assertThat(matches("{\"_tags\": \"office\", \"_deviceId._OUI\": \"000000\"}")).isFalse();
    }

    @Test
    void unknown_operators_are_named() {
        assertThatThrownBy(() -> matches("{\"_id\": {\"$elemMatch\": {}}}"))
                .isInstanceOf(MongoQuery.QueryException.class).hasMessageContaining("$elemMatch");
        assertThatThrownBy(() -> matches("{\"$text\": {\"$search\": \"x\"}}"))
                .isInstanceOf(MongoQuery.QueryException.class).hasMessageContaining("$text");
    }

    @Test
    void malformed_operands_are_refused() {
        assertThatThrownBy(() -> matches("{\"_tags\": {\"$in\": \"office\"}}")).hasMessageContaining("$in");
        assertThatThrownBy(() -> matches("{\"$or\": {}}")).hasMessageContaining("$or");
        assertThatThrownBy(() -> matches("{\"_id\": {\"$regex\": \"(\"}}")).hasMessageContaining("bad $regex");
        assertThatThrownBy(() -> matches("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> matches("{\"a..b\": 1}")).hasMessageContaining("bad field path");
    }

    @Test
    void paths_cross_arrays_of_objects() throws Exception {
        JsonNode doc = JSON.readTree("{\"hosts\": [{\"ip\": \"10.0.0.2\"}, {\"ip\": \"10.0.0.3\"}]}");
        assertThat(MongoQuery.parse(JSON.readTree("{\"hosts.ip\": \"10.0.0.3\"}"), p -> p).matches(doc)).isTrue();
        assertThat(MongoQuery.parse(JSON.readTree("{\"hosts.1.ip\": \"10.0.0.3\"}"), p -> p).matches(doc)).isTrue();
        assertThat(MongoQuery.parse(JSON.readTree("{\"hosts.0.ip\": \"10.0.0.3\"}"), p -> p).matches(doc)).isFalse();
    }

    @Test
    void the_query_document_is_kept_as_parsed() throws Exception {
        assertThat(MongoQuery.parse(JSON.readTree("{\"_id\": \"x\", \"_tags\": \"a\"}"), p -> p).document())
                .isEqualTo(JSON.readTree("{\"_id\": \"x\", \"_tags\": \"a\"}"));
        assertThat(MongoQuery.all().document()).isEqualTo(JSON.readTree("{}"));
    }
}
