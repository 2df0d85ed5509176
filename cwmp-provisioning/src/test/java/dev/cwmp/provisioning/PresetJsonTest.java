package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetJsonTest {

    @Test
    void the_story_presets_normalize_once_then_stay_byte_for_byte_stable() {
        String genieacs = StoryPresets.resource(StoryPresets.GENIEACS);
        String normalized = StoryPresets.resource(StoryPresets.NORMALIZED);

        List<Preset> read = PresetJson.readList(genieacs);
        assertThat(PresetJson.writeList(read)).isEqualTo(normalized);
        assertThat(PresetJson.writeList(PresetJson.readList(normalized))).isEqualTo(normalized);
        assertThat(PresetJson.readList(normalized)).isEqualTo(read);
    }

    @Test
    void reads_the_story_presets_as_genieacs_means_them() {
        List<Preset> presets = PresetJson.readList(StoryPresets.resource(StoryPresets.GENIEACS));
        assertThat(presets).extracting(Preset::name).containsExactly("00 NEW DEVICE", "10 UPGRADING", "19 UPGRADED",
                "20 PROVISIONING", "21 PROVISIONING - WIFI", "28 PROVISIONING - OTHER", "29 PROVISIONED");

        Preset newDevice = presets.get(0);
        assertThat(newDevice.events()).isEqualTo(EventFilter.parse("0 BOOTSTRAP"));
        assertThat(newDevice.precondition().isAlways()).isTrue();
        assertThat(newDevice.configurations()).containsExactly(new Configuration.AddTag("PENDING"));
        assertThat(newDevice.effectiveChannel()).isEqualTo("default");

        Preset upgrading = presets.get(1);
        assertThat(upgrading.weight()).isEqualTo(10);
        assertThat(upgrading.channel()).isEqualTo("upgrade");
        assertThat(upgrading.events().toString()).isEqualTo("-0 BOOTSTRAP");
        assertThat(upgrading.precondition()).isEqualTo(new Precondition.Term(new Precondition.Tag("PENDING")));
        assertThat(upgrading.configurations()).containsExactly(
                new Configuration.AddTag("UPGRADING"),
                new Configuration.DeleteTag("PENDING"),
                new Configuration.Provision("upgrade", List.of(Literal.of("HG8245-V3R017C10S115.bin"),
                        Literal.of("3 Vendor Configuration File"), Literal.of(3600))));

        assertThat(presets.get(2).events().events())
                .containsExactly(Map.entry("7 TRANSFER COMPLETE", true), Map.entry("M Download", true));

        Preset other = presets.get(5);
        assertThat(other.precondition()).as("legacy JSON precondition").isEqualTo(Precondition.parse("Tags.OTHER IS NOT NULL"));
        assertThat(other.configurations()).containsExactly(
                new Configuration.SetValue("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", Literal.of(300)),
                new Configuration.SetValue("InternetGatewayDevice.Time.NTPServer1", Literal.of("pool.ntp.org")),
                new Configuration.Age("InternetGatewayDevice.DeviceInfo.SoftwareVersion", 3600),
                new Configuration.DeleteTag("OTHER"));
    }

    @Test
    void the_java_api_builds_what_the_json_says() {
        Preset built = Preset.builder("10 UPGRADING")
                .weight(10)
                .channel("upgrade")
                .events("-0 BOOTSTRAP")
                .precondition("Tags.PENDING")
                .addTag("UPGRADING")
                .deleteTag("PENDING")
                .provision("upgrade", Literal.of("HG8245-V3R017C10S115.bin"), Literal.of("3 Vendor Configuration File"),
                        Literal.of(3600))
                .build();
        assertThat(built).isEqualTo(PresetJson.readList(StoryPresets.resource(StoryPresets.GENIEACS)).get(1));
        assertThat(PresetJson.read(PresetJson.write(built))).isEqualTo(built);
    }

    @Test
    void keeps_fields_it_does_not_interpret_and_writes_them_back() {
        String json = """
                {"_id": "p", "description": "kept", "meta": {"owner": ["ops", 1]}, "configurations": []}
                """;
        Preset p = PresetJson.read(json);
        assertThat(p.otherFields()).containsExactly(
                Map.entry("description", "\"kept\""), Map.entry("meta", "{\"owner\":[\"ops\",1]}"));
        String written = PresetJson.write(p);
        assertThat(written).contains("\"description\": \"kept\"").contains("\"owner\"");
        assertThat(PresetJson.read(written)).isEqualTo(p);
    }

    @Test
    void missing_fields_take_genieacs_defaults() {
        Preset p = PresetJson.read("{\"_id\": \"minimal\"}");
        assertThat(p.weight()).isZero();
        assertThat(p.channel()).isEmpty();
        assertThat(p.events().isEmpty()).isTrue();
        assertThat(p.schedule()).isEmpty();
        assertThat(p.precondition().isAlways()).isTrue();
        assertThat(p.configurations()).isEmpty();
    }

    @Test
    void reads_numbers_written_as_strings_and_legacy_preconditions_as_objects() {
        Preset p = PresetJson.read("""
                {"_id": "p", "weight": "5", "precondition": {"_tags": "A"},
                 "schedule": "600   0 */5 * * *",
                 "configurations": [{"type": "age", "name": "Device.X", "age": "60"}]}
                """);
        assertThat(p.weight()).isEqualTo(5);
        assertThat(p.precondition().toString()).isEqualTo("Tags.A IS NOT NULL");
        assertThat(p.schedule()).hasValueSatisfying(s -> {
            assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
            assertThat(s.cron()).isEqualTo("0 */5 * * *");
            assertThat(s.toString()).isEqualTo("600 0 */5 * * *");
        });
        assertThat(p.configurations()).containsExactly(new Configuration.Age("Device.X", 60));
    }

    @Test
    void writes_every_configuration_type() {
        Preset p = Preset.builder("all")
                .setValue("Device.A", Literal.of(true))
                .setValue("Device.B", Literal.of(1.5))
                .addTag("T")
                .deleteTag("U")
                .provision("prov")
                .configuration(new Configuration.Age("Device.C", 0))
                .configuration(new Configuration.AddObject("Device.NAT.PortMapping", "ssh"))
                .configuration(new Configuration.DeleteObject("Device.NAT.PortMapping", "telnet"))
                .schedule(PresetSchedule.parse("3600 0 0 2 * * *"))
                .build();
        String json = PresetJson.write(p);
        assertThat(json).contains("\"value\": true", "\"value\": 1.5", "\"type\": \"add_object\"",
                "\"object\": \"telnet\"", "\"args\": [ ]", "\"schedule\": \"3600 0 0 2 * * *\"");
        assertThat(PresetJson.read(json)).isEqualTo(p);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}                                                           | _id                      | non-empty string",
        "{\"_id\": 3}                                                 | _id                      | non-empty string",
        "{\"_id\": \"p\", \"weight\": 1.5}                            | weight                   | integer weight",
        "{\"_id\": \"p\", \"channel\": 1}                             | channel                  | expected a string",
        "{\"_id\": \"p\", \"events\": {\"1 BOOT\": 1}}                | events.1 BOOT            | expected true",
        "{\"_id\": \"p\", \"events\": []}                             | events                   | expected an object",
        "{\"_id\": \"p\", \"precondition\": \"Tags.A =\"}             | precondition             | column 9",
        "{\"_id\": \"p\", \"schedule\": \"soon 0 2 * * *\"}           | schedule                 | whole seconds",
        "{\"_id\": \"p\", \"schedule\": \"3600 0 2 * *\"}             | schedule                 | 5 or 6 fields",
        "{\"_id\": \"p\", \"schedule\": \"3600 0 99 * * *\"}          | schedule                 | invalid cron expression",
        "{\"_id\": \"p\", \"configurations\": {}}                     | configurations           | expected an array",
        "{\"_id\": \"p\", \"configurations\": [{\"type\": \"x\"}]}    | configurations[0].type   | unknown configuration type 'x'",
        "{\"_id\": \"p\", \"configurations\": [{\"tag\": \"x\"}]}     | configurations[0].type   | needs its type",
        "{\"_id\": \"p\", \"configurations\": [{\"type\": \"add_tag\"}]} | configurations[0].tag | non-empty string",
        "{\"_id\": \"p\", \"configurations\": [{\"type\": \"add_tag\", \"tag\": \"a\", \"name\": \"b\"}]} | configurations[0].name | not a field of a 'add_tag'",
        "{\"_id\": \"p\", \"configurations\": [{\"type\": \"value\", \"name\": \"a\"}]} | configurations[0].value | needs a string, number or boolean",
        "{\"_id\": \"p\", \"configurations\": [{\"type\": \"provision\", \"name\": \"a\", \"args\": [{}]}]} | configurations[0].args[0] | expected a string, number",
        "{\"_id\": \"p\", \"configurations\": [{\"type\": \"age\", \"name\": \"a\", \"age\": -1}]} | configurations[0].age | whole number of seconds",
        "{\"_id\": \"p\", \"_id\": \"q\"}                             | $                        | Duplicate field",
        "{\"_id\": \"p\"} {}                                          | $                        | not well-formed JSON",
        "[{\"_id\": \"p\"}]                                           | $                        | expected a preset object",
    })
    void a_bad_preset_names_the_field_and_why(String json, String field, String reason) {
        assertThatThrownBy(() -> PresetJson.read(json))
                .isInstanceOfSatisfying(PresetFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    @Test
    void a_bad_preset_in_a_list_is_named_by_its_index() {
        assertThatThrownBy(() -> PresetJson.readList("[{\"_id\": \"a\"}, {\"_id\": \"b\", \"weight\": \"x\"}]"))
                .isInstanceOfSatisfying(PresetFormatException.class, e -> assertThat(e.field()).isEqualTo("[1].weight"));
        assertThatThrownBy(() -> PresetJson.readList("[{\"_id\": \"a\"}, {\"_id\": \"a\"}]"))
                .isInstanceOfSatisfying(PresetFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("[1]._id");
                    assertThat(e.getMessage()).contains("twice");
                });
        assertThatThrownBy(() -> PresetJson.readList("{\"_id\": \"a\"}"))
                .isInstanceOfSatisfying(PresetFormatException.class, e -> assertThat(e.field()).isEqualTo("$"));
    }

    @Test
    void rejects_deeply_nested_json() {
        String deep = "{\"_id\": \"p\", \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThatThrownBy(() -> PresetJson.read(deep))
                .isInstanceOfSatisfying(PresetFormatException.class, e -> assertThat(e.getMessage()).contains("nesting depth"));
    }
}
