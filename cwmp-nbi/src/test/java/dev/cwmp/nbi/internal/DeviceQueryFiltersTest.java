package dev.cwmp.nbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which parts of a device query become a {@link DeviceFilter}, and which are left to the full evaluation. */
class DeviceQueryFiltersTest {

    private static DeviceFilter of(String query) {
        return DeviceQueryFilters.of(Json.parse(query, "query"));
    }

    @Test
    void tags_equal_and_not_equal_become_wanted_and_unwanted_tags() {
        assertThat(of("{\"_tags\": \"PROVISIONED\"}")).isEqualTo(DeviceFilter.all().withTag("PROVISIONED"));
        assertThat(of("{\"_tags\": {\"$eq\": \"A\", \"$ne\": \"B\"}}"))
                .isEqualTo(DeviceFilter.all().withTag("A").withoutTag("B"));
    }

    @Test
    void identity_fields_in_both_spellings_become_sets_of_values() {
        assertThat(of("{\"DeviceID.ProductClass\": \"RB951Ui-2HnD\"}"))
                .isEqualTo(DeviceFilter.all().withProductClassIn(List.of("RB951Ui-2HnD")));
        assertThat(of("{\"_deviceId._ProductClass\": \"RB951Ui-2HnD\"}"))
                .isEqualTo(DeviceFilter.all().withProductClassIn(List.of("RB951Ui-2HnD")));
        assertThat(of("{\"DeviceID.OUI._value\": {\"$in\": [\"E48D8C\", \"001122\"]}, \"_deviceId._SerialNumber\": \"S1\","
                + " \"DeviceID.Manufacturer\": \"MikroTik\"}"))
                .isEqualTo(DeviceFilter.all().withOuiIn(List.of("E48D8C", "001122")).withSerialNumberIn(List.of("S1"))
                        .withManufacturerIn(List.of("MikroTik")));
    }

    @Test
    void ids_that_do_not_parse_match_no_device() {
        DeviceId id = new DeviceId("E48D8C", "RB951Ui-2HnD", "S1");
        assertThat(of("{\"_id\": \"" + id + "\"}")).isEqualTo(DeviceFilter.all().withIdIn(List.of(id)));
        assertThat(of("{\"DeviceID.ID\": {\"$in\": [\"" + id + "\", \"a-b-c-d\"]}}"))
                .isEqualTo(DeviceFilter.all().withIdIn(List.of(id)));
        assertThat(of("{\"_id\": \"a-b-c-d\"}").matchesNothing()).isTrue();
    }

    @Test
    void last_inform_comparisons_become_inclusive_bounds_from_dates_or_epoch_milliseconds() {
        assertThat(of("{\"_lastInform\": {\"$gt\": \"2026-11-25T10:00:00Z\", \"$lt\": 1795600000000.7}}"))
                .isEqualTo(DeviceFilter.all().withLastInformFrom(Instant.parse("2026-11-25T10:00:00Z"))
                        .withLastInformTo(Instant.ofEpochMilli(1_795_600_000_000L)));
        assertThat(of("{\"$and\": [{\"_lastInform\": {\"$lte\": \"2026-11-25T10:00:00.000Z\"}}, {\"_tags\": \"A\"}]}"))
                .isEqualTo(DeviceFilter.all().withLastInformTo(Instant.parse("2026-11-25T10:00:00Z")).withTag("A"));
    }

    @Test
    void loose_comparisons_and_other_operators_narrow_nothing() {
        for (String query : List.of("{}",
                "{\"_tags\": 1}",
                "{\"_tags\": \"2026-11-25T10:00:00Z\"}",
                "{\"_tags\": {\"$in\": [\"A\", \"B\"]}}",
                "{\"_tags\": null}",
                "{\"_lastInform\": {\"$gt\": \"yesterday\"}}",
                "{\"DeviceID.ProductClass\": {\"$regex\": \"^RB\"}}",
                "{\"DeviceID.SerialNumber\": 123}",
                "{\"DeviceID.OUI\": {\"$in\": [\"E48D8C\", 1]}}",
                "{\"$or\": [{\"_tags\": \"A\"}, {\"_tags\": \"B\"}]}",
                "{\"$nor\": [{\"_tags\": \"A\"}]}",
                "{\"_tags\": {\"$not\": {\"$eq\": \"A\"}}}",
                "{\"Device.DeviceInfo.SoftwareVersion\": \"6.48\"}")) {
            assertThat(of(query).isAll()).as(query).isTrue();
        }
    }
}
