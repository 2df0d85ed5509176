package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetEvaluatorTest {

    static final DeviceId ID = new DeviceId("48575443", "HG8245", "SN0001");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static DeviceView device(String[] tags, String... events) {
        return DeviceView.builder(ID).tags(tags).events(events)
                .parameter("Device.DeviceInfo.SoftwareVersion", "1.0", "xsd:string").build();
    }

    private static String[] tags(String... tags) {
        return tags;
    }

    private static List<String> names(PresetEvaluation e) {
        return e.applicable().stream().map(Preset::name).toList();
    }

    @Test
    void applicable_presets_come_by_weight_then_name_whatever_the_input_order() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("b").weight(5).build(),
                Preset.builder("z").weight(-1).build(),
                Preset.builder("a").weight(5).build(),
                Preset.builder("c").weight(1).build()));
        assertThat(names(evaluator.evaluate(device(tags()), NOW))).containsExactly("z", "c", "a", "b");
        assertThat(evaluator.presets()).extracting(Preset::name).containsExactly("z", "c", "a", "b");
    }

    @Test
    void events_must_be_present_or_absent_as_the_filter_says() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("boot").events("1 BOOT").build(),
                Preset.builder("boot-not-bootstrap").events("1 BOOT, -0 BOOTSTRAP").build(),
                Preset.builder("bootstrap-and-boot").events("0 BOOTSTRAP, 1 BOOT").build(),
                Preset.builder("transfer").events("7 TRANSFER COMPLETE, M Download").build(),
                Preset.builder("not-periodic").events("-2 PERIODIC").build()));
        assertThat(names(evaluator.evaluate(device(tags(), "1 BOOT"), NOW)))
                .containsExactly("boot", "boot-not-bootstrap", "not-periodic");
        assertThat(names(evaluator.evaluate(device(tags(), "0 BOOTSTRAP", "1 BOOT"), NOW)))
                .containsExactly("boot", "bootstrap-and-boot", "not-periodic");
        assertThat(names(evaluator.evaluate(device(tags(), "2 PERIODIC"), NOW))).isEmpty();
        assertThat(names(evaluator.evaluate(device(tags(), "7 TRANSFER COMPLETE"), NOW))).containsExactly("not-periodic");
        assertThat(names(evaluator.evaluate(device(tags(), "M Download", "7 TRANSFER COMPLETE"), NOW)))
                .containsExactly("not-periodic", "transfer");
    }

    @Test
    void preconditions_and_schedules_must_hold() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("tagged").precondition("Tags.A").build(),
                Preset.builder("untagged").precondition("Tags.A IS NULL").build(),
                Preset.builder("null").precondition("Device.Missing.X = 1").build(),
                Preset.builder("version").precondition("Device.DeviceInfo.SoftwareVersion LIKE '1.%'").build(),
                Preset.builder("noon").schedule(PresetSchedule.parse("600 0 0 12 * * *")).build(),
                Preset.builder("midnight").schedule(PresetSchedule.parse("600 0 0 0 * * *")).build()));
        assertThat(names(evaluator.evaluate(device(tags("A")), NOW))).containsExactly("noon", "tagged", "version");
        assertThat(names(evaluator.evaluate(device(tags()), NOW.plusSeconds(600))))
                .containsExactly("untagged", "version");
    }

    @Test
    void the_heavier_preset_wins_when_two_set_the_same_parameter_or_tag() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("heavy").weight(20)
                        .setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of(60))
                        .deleteTag("X")
                        .provision("p", Literal.of("heavy"))
                        .build(),
                Preset.builder("light").weight(10)
                        .setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of(3600))
                        .setValue("Device.Time.NTPServer1", Literal.of("ntp.example"))
                        .addTag("X")
                        .addTag("Y")
                        .configuration(new Configuration.Age("Device.DeviceInfo.UpTime", 60))
                        .provision("p", Literal.of("light"))
                        .build(),
                Preset.builder("heaviest").weight(30)
                        .configuration(new Configuration.Age("Device.DeviceInfo.UpTime", 5))
                        .build()));
        PresetEvaluation e = evaluator.evaluate(device(tags()), NOW);
        assertThat(names(e)).containsExactly("light", "heavy", "heaviest");
        assertThat(e.configurations()).containsExactly(
                new Configuration.SetValue("Device.Time.NTPServer1", Literal.of("ntp.example")),
                new Configuration.AddTag("Y"),
                new Configuration.Provision("p", List.of(Literal.of("light"))),
                new Configuration.SetValue("Device.ManagementServer.PeriodicInformInterval", Literal.of(60)),
                new Configuration.DeleteTag("X"),
                new Configuration.Provision("p", List.of(Literal.of("heavy"))),
                new Configuration.Age("Device.DeviceInfo.UpTime", 5));
    }

    @Test
    void applies_the_merged_tag_changes_to_the_device_record() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("a").weight(1).addTag("NEW").addTag("GONE").deleteTag("OLD").build(),
                Preset.builder("b").weight(2).deleteTag("GONE").build()));
        DeviceRecord record = DeviceRecord.registered(ID, "Huawei", NOW).withTag("OLD").withTag("KEEP");
        DeviceRecord after = evaluator.evaluate(device(tags()), NOW).applyTags(record);
        assertThat(after.tags()).containsExactlyInAnyOrder("KEEP", "NEW");
    }

    @Test
    void groups_applicable_presets_by_channel() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("a").weight(1).build(),
                Preset.builder("b").weight(2).channel("wifi").build(),
                Preset.builder("c").weight(3).channel("").build(),
                Preset.builder("d").weight(4).channel("wifi").build()));
        PresetEvaluation e = evaluator.evaluate(device(tags()), NOW);
        assertThat(e.byChannel().keySet()).containsExactly("default", "wifi");
        assertThat(e.byChannel().get("default")).extracting(Preset::name).containsExactly("a", "c");
        assertThat(e.byChannel().get("wifi")).extracting(Preset::name).containsExactly("b", "d");
    }

    @Test
    void finds_the_applicable_few_among_a_thousand() {
        List<Preset> presets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Preset.Builder b = Preset.builder(String.format("p%04d", i)).weight(1000 - i);
            switch (i % 4) {
                case 0 -> b.events("4 VALUE CHANGE");
                case 1 -> b.precondition("Tags.T" + i);
                case 2 -> b.events("1 BOOT").precondition("Device.DeviceInfo.SoftwareVersion = '" + i + "'");
                default -> b.events("1 BOOT, -0 BOOTSTRAP").precondition("Tags.T" + i + " IS NOT NULL");
            }
            presets.add(b.build());
        }
        PresetEvaluator evaluator = PresetEvaluator.of(presets);
        PresetEvaluation e = evaluator.evaluate(device(tags("T1", "T3", "T999", "T998"), "1 BOOT"), NOW);
        assertThat(names(e)).containsExactly("p0999", "p0003", "p0001");
        PresetEvaluation changes = evaluator.evaluate(device(tags(), "4 VALUE CHANGE"), NOW);
        assertThat(changes.applicable()).hasSize(250);
        assertThat(changes.applicable().get(0).name()).isEqualTo("p0996");
    }

    @Test
    void the_event_and_tag_indexes_pick_exactly_what_evaluating_every_preset_would() {
        String[] preconditions = {"", "Tags.A", "Tags.A IS NOT NULL", "Tags.A = true", "Tags.A IS NULL", "NOT Tags.A",
            "Tags.A AND Tags.B", "Tags.B AND Tags.A IS NULL", "Tags.A OR Tags.B", "true AND Tags.B = true",
            "Device.DeviceInfo.SoftwareVersion = '1.0' AND Tags.C", "Tags.A = false", "(Tags.A AND Tags.B) AND Tags.C"};
        String[] events = {"", "1 BOOT", "-1 BOOT", "1 BOOT, 2 PERIODIC", "2 PERIODIC, -1 BOOT", "M Reboot"};
        List<Preset> presets = new ArrayList<>();
        for (int p = 0; p < preconditions.length; p++) {
            for (int e = 0; e < events.length; e++) {
                presets.add(Preset.builder(p + "/" + e).weight((p * 7 + e) % 5)
                        .precondition(preconditions[p]).events(events[e]).build());
            }
        }
        PresetEvaluator evaluator = PresetEvaluator.of(presets);
        String[][] tagSets = {{}, {"A"}, {"B"}, {"A", "B"}, {"C"}, {"A", "B", "C"}};
        String[][] eventSets = {{}, {"1 BOOT"}, {"2 PERIODIC"}, {"1 BOOT", "2 PERIODIC"}, {"M Reboot", "1 BOOT"}};
        for (String[] tagSet : tagSets) {
            for (String[] eventSet : eventSets) {
                DeviceView device = device(tagSet, eventSet);
                List<String> expected = evaluator.presets().stream()
                        .filter(p -> p.events().matches(device) && p.precondition().test(device))
                        .map(Preset::name).toList();
                assertThat(names(evaluator.evaluate(device, NOW)))
                        .as("tags %s, events %s", List.of(tagSet), List.of(eventSet))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void rejects_two_presets_with_one_name() {
        assertThatThrownBy(() -> PresetEvaluator.of(List.of(Preset.builder("a").build(), Preset.builder("a").weight(1).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void the_story_runs_from_bootstrap_to_provisioned() {
        PresetEvaluator story = PresetEvaluator.of(PresetJson.readList(StoryPresets.resource(StoryPresets.GENIEACS)));
        DeviceRecord record = DeviceRecord.registered(ID, "Huawei", NOW);

        PresetEvaluation bootstrap = story.evaluate(view(record, "0 BOOTSTRAP", "1 BOOT"), NOW);
        assertThat(names(bootstrap)).containsExactly("00 NEW DEVICE");
        record = bootstrap.applyTags(record);
        assertThat(record.tags()).containsExactly("PENDING");

        PresetEvaluation boot = story.evaluate(view(record, "1 BOOT"), NOW);
        assertThat(names(boot)).containsExactly("10 UPGRADING");
        assertThat(boot.configurations()).contains(new Configuration.Provision("upgrade", List.of(
                Literal.of("HG8245-V3R017C10S115.bin"), Literal.of("3 Vendor Configuration File"), Literal.of(3600))));
        record = boot.applyTags(record);
        assertThat(record.tags()).containsExactly("UPGRADING");

        PresetEvaluation transfer = story.evaluate(view(record, "7 TRANSFER COMPLETE", "M Download", "1 BOOT"), NOW);
        assertThat(names(transfer)).containsExactly("19 UPGRADED");
        record = transfer.applyTags(record);

        PresetEvaluation provisioning = story.evaluate(view(record, "1 BOOT"), NOW);
        assertThat(names(provisioning)).containsExactly("20 PROVISIONING");
        record = provisioning.applyTags(record);
        assertThat(record.tags()).containsExactlyInAnyOrder("UPGRADED", "INIT", "WIFI", "OTHER");

        PresetEvaluation subTasks = story.evaluate(view(record, "2 PERIODIC"), NOW);
        assertThat(names(subTasks)).containsExactly("21 PROVISIONING - WIFI", "28 PROVISIONING - OTHER");
        assertThat(subTasks.byChannel().keySet()).containsExactly("wifi", "default");
        record = subTasks.applyTags(record);

        PresetEvaluation done = story.evaluate(view(record, "2 PERIODIC"), NOW);
        assertThat(names(done)).containsExactly("29 PROVISIONED");
        record = done.applyTags(record);
        assertThat(record.tags()).containsExactlyInAnyOrder("UPGRADED", "PROVISIONED");

        assertThat(story.evaluate(view(record, "2 PERIODIC"), NOW).isEmpty()).isTrue();
    }

    private static DeviceView view(DeviceRecord record, String... events) {
        return DeviceView.builder(record.id()).manufacturer(record.manufacturer())
                .tags(record.tags().toArray(String[]::new)).events(events).build();
    }

    @Test
    void the_parameters_preconditions_read_are_collected_for_the_cycles() {
        PresetEvaluator evaluator = PresetEvaluator.of(List.of(
                Preset.builder("a").precondition("Device.DeviceInfo.SoftwareVersion < \"6.49\" AND Tags.X IS NULL")
                        .build(),
                Preset.builder("b").precondition("NOT (Device.ManagementServer.PeriodicInformInterval = 600"
                        + " OR DeviceID.Manufacturer = \"MikroTik\")").build(),
                Preset.builder("c").build()));

        assertThat(evaluator.preconditionParameters()).extracting(Object::toString).containsExactlyInAnyOrder(
                "Device.DeviceInfo.SoftwareVersion", "Device.ManagementServer.PeriodicInformInterval");
    }
}
