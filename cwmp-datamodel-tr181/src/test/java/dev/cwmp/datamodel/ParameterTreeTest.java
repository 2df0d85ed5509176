package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cwmp.datamodel.ParameterTree.Aspect;
import dev.cwmp.datamodel.ParameterTree.AttributeInfo;
import dev.cwmp.datamodel.ParameterTree.Change;
import dev.cwmp.datamodel.ParameterTree.Diff;
import dev.cwmp.datamodel.ParameterTree.Entry;
import dev.cwmp.datamodel.ParameterTree.NameInfo;
import dev.cwmp.datamodel.ParameterTree.ValueInfo;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;

class ParameterTreeTest {

    /** A clock the test moves by hand. */
    private static final class TestClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();
    private ParameterTree tree;

    private static ParameterPath p(String text) {
        return ParameterPath.parse(text);
    }

    private static NameInfo name(String path, boolean writable) {
        return new NameInfo(p(path), writable);
    }

    private static List<String> paths(List<Entry> entries) {
        return entries.stream().map(e -> e.path().toString()).toList();
    }

    @BeforeEach
    void three_ssids_read_at_ten() {
        tree = new ParameterTree();
        tree.mergeNames(p("Device.WiFi."), false, List.of(
                name("Device.WiFi.", false),
                name("Device.WiFi.SSIDNumberOfEntries", false),
                name("Device.WiFi.SSID.", true),
                name("Device.WiFi.SSID.1.", true),
                name("Device.WiFi.SSID.1.Alias", true),
                name("Device.WiFi.SSID.1.SSID", true),
                name("Device.WiFi.SSID.1.Enable", true),
                name("Device.WiFi.SSID.2.", true),
                name("Device.WiFi.SSID.2.Alias", true),
                name("Device.WiFi.SSID.2.SSID", true),
                name("Device.WiFi.SSID.2.Enable", false),
                name("Device.WiFi.SSID.10.", true),
                name("Device.WiFi.SSID.10.SSID", true)), clock.instant());
        tree.mergeValues(List.of(
                new ValueInfo(p("Device.WiFi.SSIDNumberOfEntries"), "3", "xsd:unsignedInt"),
                new ValueInfo(p("Device.WiFi.SSID.1.Alias"), "cpe-home", "xsd:string"),
                new ValueInfo(p("Device.WiFi.SSID.1.SSID"), "home", "xsd:string"),
                new ValueInfo(p("Device.WiFi.SSID.1.Enable"), "1", "xsd:boolean"),
                new ValueInfo(p("Device.WiFi.SSID.2.Alias"), "guest", "xsd:string"),
                new ValueInfo(p("Device.WiFi.SSID.2.SSID"), "visitors", "xsd:string"),
                new ValueInfo(p("Device.WiFi.SSID.2.Enable"), "false", "xsd:boolean"),
                new ValueInfo(p("Device.WiFi.SSID.10.SSID"), "ten", "xsd:string")), clock.instant());
    }

    @Test
    void keeps_what_get_parameter_names_and_values_reported_with_their_times() {
        Instant namesAt = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        tree.mergeValues(List.of(new ValueInfo(p("Device.WiFi.SSID.1.SSID"), "home2", "xsd:string")), clock.instant());

        Entry ssid = tree.get(p("Device.WiFi.SSID.1.SSID")).orElseThrow();
        assertThat(ssid.object()).isFalse();
        assertThat(ssid.writable()).contains(true);
        assertThat(ssid.value()).contains("home2");
        assertThat(ssid.type()).contains("xsd:string");
        assertThat(ssid.namesReadAt()).contains(namesAt);
        assertThat(ssid.valueReadAt()).contains(clock.instant());
        assertThat(ssid.attributesReadAt()).isEmpty();
        assertThat(ssid.notification()).isEmpty();
        assertThat(ssid.stale()).isEmpty();

        Entry object = tree.get(p("Device.WiFi.SSID.2")).orElseThrow();
        assertThat(object.path()).isEqualTo(p("Device.WiFi.SSID.2."));
        assertThat(object.object()).isTrue();
        assertThat(object.value()).isEmpty();
        assertThat(tree.get(p("Device.WiFi.SSID.2.Enable")).orElseThrow().writable()).contains(false);
        assertThat(tree.value(p("Device.WiFi.SSID.10.SSID"))).contains("ten");
        assertThat(tree.get(p("Device.WiFi.SSID.3."))).isEmpty();
        assertThat(tree.size()).isEqualTo(14); // the 13 names and Device.
    }

    @Test
    void full_subtree_names_replace_what_was_there() {
        clock.advance(Duration.ofMinutes(5));
        tree.mergeNames(p("Device.WiFi.SSID."), false, List.of(
                name("Device.WiFi.SSID.", true),
                name("Device.WiFi.SSID.1.", true),
                name("Device.WiFi.SSID.1.SSID", true),
                name("Device.WiFi.SSID.1.Enable", true),
                name("Device.WiFi.SSID.1.Alias", true),
                name("Device.WiFi.SSID.3.", true),
                name("Device.WiFi.SSID.3.SSID", false)), clock.instant());

        assertThat(tree.instances(p("Device.WiFi.SSID."))).containsExactly(1L, 3L);
        assertThat(tree.get(p("Device.WiFi.SSID.2.SSID"))).isEmpty();
        assertThat(tree.get(p("Device.WiFi.SSID.10."))).isEmpty();
        assertThat(tree.value(p("Device.WiFi.SSID.1.SSID"))).as("values of surviving names are kept").contains("home");
        assertThat(tree.get(p("Device.WiFi.SSID.3.SSID")).orElseThrow().writable()).contains(false);
        assertThat(tree.get(p("Device.WiFi.SSID.3.SSID")).orElseThrow().value()).isEmpty();
        assertThat(tree.value(p("Device.WiFi.SSIDNumberOfEntries"))).as("outside the requested subtree").contains("3");
        assertThat(tree.size()).isEqualTo(tree.entries().size());
    }

    @Test
    void next_level_names_replace_only_the_children_list() {
        tree.mergeNames(p("Device.WiFi.SSID."), true, List.of(
                name("Device.WiFi.SSID.1.", true),
                name("Device.WiFi.SSID.4.", true)), clock.instant());

        assertThat(tree.instances(p("Device.WiFi.SSID."))).containsExactly(1L, 4L);
        assertThat(tree.value(p("Device.WiFi.SSID.1.SSID"))).as("children of listed objects are kept").contains("home");
        assertThat(tree.get(p("Device.WiFi.SSID.2."))).isEmpty();
        assertThat(tree.size()).isEqualTo(tree.entries().size());
    }

    @Test
    void names_for_a_single_parameter_update_or_remove_it() {
        tree.mergeNames(p("Device.WiFi.SSID.1.SSID"), false, List.of(name("Device.WiFi.SSID.1.SSID", false)), clock.instant());
        assertThat(tree.get(p("Device.WiFi.SSID.1.SSID")).orElseThrow().writable()).contains(false);

        tree.mergeNames(p("Device.WiFi.SSID.1.SSID"), false, List.of(), clock.instant());
        assertThat(tree.get(p("Device.WiFi.SSID.1.SSID"))).isEmpty();

        assertThatThrownBy(() -> tree.mergeNames(p("Device.WiFi.SSID.1.SSID"), true, List.of(), clock.instant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NextLevel");
    }

    @Test
    void names_of_the_whole_model_replace_the_whole_tree() {
        tree.mergeAllNames(false, List.of(name("Device.", false), name("Device.DeviceInfo.", false),
                name("Device.DeviceInfo.UpTime", false)), clock.instant());
        assertThat(paths(tree.entries())).containsExactly("Device.", "Device.DeviceInfo.", "Device.DeviceInfo.UpTime");
        assertThat(tree.size()).isEqualTo(3);
    }

    @Test
    void merges_attributes_with_their_time() {
        clock.advance(Duration.ofSeconds(30));
        tree.mergeAttributes(List.of(new AttributeInfo(p("Device.WiFi.SSID.1.SSID"), 2, List.of("Subscriber"))),
                clock.instant());

        Entry ssid = tree.get(p("Device.WiFi.SSID.1.SSID")).orElseThrow();
        assertThat(ssid.notification()).isEqualTo(OptionalInt.of(2));
        assertThat(ssid.accessList()).contains(List.of("Subscriber"));
        assertThat(ssid.attributesReadAt()).contains(clock.instant());
        assertThat(ssid.value()).contains("home");
        assertThatThrownBy(() -> new AttributeInfo(p("Device.A"), 7, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partial_paths_and_patterns_query_the_tree_in_instance_order() {
        assertThat(paths(tree.query(p("Device.WiFi.SSID.*.SSID"))))
                .containsExactly("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.2.SSID", "Device.WiFi.SSID.10.SSID");
        assertThat(paths(tree.query(p("Device.WiFi.SSID.2."))))
                .containsExactly("Device.WiFi.SSID.2.", "Device.WiFi.SSID.2.Alias", "Device.WiFi.SSID.2.Enable",
                        "Device.WiFi.SSID.2.SSID");
        assertThat(tree.query(p("Device.WiFi."))).hasSize(13);
        assertThat(paths(tree.query(p("Device.WiFi.SSID.*.")))).hasSize(10).startsWith("Device.WiFi.SSID.1.");
        assertThat(tree.query(p("Device.WiFi.Radio.*.Channel"))).isEmpty();
        assertThat(tree.query(p("Device.WiFi.SSID.*.SSID.X"))).isEmpty();
    }

    @Test
    void alias_and_key_patterns_select_instances_by_their_values() {
        assertThat(paths(tree.query(p("Device.WiFi.SSID.[guest].SSID")))).containsExactly("Device.WiFi.SSID.2.SSID");
        assertThat(paths(tree.query(p("Device.WiFi.SSID.[SSID:home,Enable:1].Alias"))))
                .containsExactly("Device.WiFi.SSID.1.Alias");
        assertThat(tree.query(p("Device.WiFi.SSID.[SSID:home,Enable:0].Alias"))).isEmpty();
        assertThat(tree.query(p("Device.WiFi.SSID.[nobody].SSID"))).isEmpty();
    }

    @Test
    void invalidation_marks_stale_and_keeps_values() {
        int marked = tree.invalidate(p("Device.WiFi.SSID.1."), EnumSet.of(Aspect.VALUE));

        assertThat(marked).isEqualTo(4);
        Entry ssid = tree.get(p("Device.WiFi.SSID.1.SSID")).orElseThrow();
        assertThat(ssid.stale()).containsExactly(Aspect.VALUE);
        assertThat(ssid.value()).contains("home");
        assertThat(ssid.valueReadAt()).isPresent();
        assertThat(tree.get(p("Device.WiFi.SSID.2.SSID")).orElseThrow().stale()).isEmpty();
        assertThat(tree.needingRefresh(p("Device.WiFi."), Aspect.VALUE, Instant.EPOCH))
                .containsExactly(p("Device.WiFi.SSID.1.Alias"), p("Device.WiFi.SSID.1.Enable"), p("Device.WiFi.SSID.1.SSID"));

        tree.mergeValues(List.of(new ValueInfo(p("Device.WiFi.SSID.1.SSID"), "home", "xsd:string")), clock.instant());
        assertThat(tree.get(p("Device.WiFi.SSID.1.SSID")).orElseThrow().stale()).isEmpty();
    }

    @Test
    void lists_what_is_older_than_a_time() {
        clock.advance(Duration.ofHours(1));
        tree.mergeValues(List.of(new ValueInfo(p("Device.WiFi.SSID.2.SSID"), "visitors", "xsd:string")), clock.instant());

        List<ParameterPath> old = tree.needingRefresh(p("Device.WiFi.SSID.*.SSID"), Aspect.VALUE,
                clock.instant().minus(Duration.ofMinutes(30)));
        assertThat(old).containsExactly(p("Device.WiFi.SSID.1.SSID"), p("Device.WiFi.SSID.10.SSID"));
        assertThat(tree.needingRefresh(p("Device.WiFi.SSID.1."), Aspect.ATTRIBUTES, Instant.EPOCH))
                .as("attributes never read").hasSize(4);
    }

    @Test
    void deletion_forgets_a_subtree() {
        int removed = tree.delete(p("Device.WiFi.SSID.2."));
        assertThat(removed).isEqualTo(4);
        assertThat(tree.instances(p("Device.WiFi.SSID."))).containsExactly(1L, 10L);
        assertThat(tree.delete(p("Device.WiFi.SSID.*.SSID"))).isEqualTo(2);
        assertThat(tree.query(p("Device.WiFi.SSID.*.SSID"))).isEmpty();
        assertThat(tree.size()).isEqualTo(tree.entries().size());
    }

    @Test
    void diff_lists_only_what_differs_and_reports_unknown_paths() {
        Map<ParameterPath, String> desired = new LinkedHashMap<>();
        desired.put(p("Device.WiFi.SSID.1.SSID"), "home");        // same
        desired.put(p("Device.WiFi.SSID.1.Enable"), "true");      // same: 1 == true
        desired.put(p("Device.WiFi.SSIDNumberOfEntries"), "03");  // same number (read-only anyway)
        desired.put(p("Device.WiFi.SSID.2.SSID"), "guests");      // differs
        desired.put(p("Device.WiFi.SSID.2.Enable"), "true");      // differs, read-only
        desired.put(p("Device.WiFi.SSID.9.SSID"), "nine");        // unknown
        desired.put(p("Device.WiFi.Radio.*.Channel"), "6");       // matches nothing

        Diff diff = tree.diff(desired);

        assertThat(diff.toSet()).containsExactly(
                new Change(p("Device.WiFi.SSID.2.SSID"), Optional.of("visitors"), "guests", Optional.of("xsd:string")));
        assertThat(diff.readOnly()).extracting(Change::path).containsExactly(p("Device.WiFi.SSID.2.Enable"));
        assertThat(diff.unknown()).containsExactly(p("Device.WiFi.SSID.9.SSID"), p("Device.WiFi.Radio.*.Channel"));
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void diff_expands_patterns_and_sets_what_was_never_read_or_is_stale() {
        tree.addInstance(p("Device.WiFi.SSID.11."), clock.instant());
        tree.mergeNames(p("Device.WiFi.SSID.11."), false, List.of(name("Device.WiFi.SSID.11.SSID", true)), clock.instant());
        tree.invalidate(p("Device.WiFi.SSID.10.SSID"), EnumSet.of(Aspect.VALUE));

        Diff diff = tree.diff(Map.of(p("Device.WiFi.SSID.*.SSID"), "ten"));

        assertThat(diff.toSet()).extracting(c -> c.path().toString())
                .containsExactly("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.2.SSID", "Device.WiFi.SSID.10.SSID",
                        "Device.WiFi.SSID.11.SSID");
        assertThat(diff.toSet().get(3).current()).isEmpty();
        assertThat(diff.unknown()).isEmpty();
        assertThat(tree.diff(Map.of(p("Device.WiFi.SSID.1.SSID"), "home")).isEmpty()).isTrue();
    }

    @Test
    void copies_are_independent() {
        ParameterTree copy = tree.copy();
        copy.mergeValues(List.of(new ValueInfo(p("Device.WiFi.SSID.1.SSID"), "changed", "xsd:string")), clock.instant());
        copy.delete(p("Device.WiFi.SSID.2."));
        tree.invalidate(p("Device.WiFi.SSID.10."));

        assertThat(tree.value(p("Device.WiFi.SSID.1.SSID"))).contains("home");
        assertThat(tree.instances(p("Device.WiFi.SSID."))).containsExactly(1L, 2L, 10L);
        assertThat(copy.value(p("Device.WiFi.SSID.1.SSID"))).contains("changed");
        assertThat(copy.size()).isEqualTo(tree.size() - 4);
        assertThat(copy.get(p("Device.WiFi.SSID.10.SSID")).orElseThrow().stale()).isEmpty();
    }

    @Test
    void entries_restore_an_identical_tree() {
        tree.mergeAttributes(List.of(new AttributeInfo(p("Device.WiFi.SSID.1.SSID"), 1, List.of())), clock.instant());
        tree.invalidate(p("Device.WiFi.SSID.2.SSID"), Set.of(Aspect.NAMES));
        ParameterTree restored = new ParameterTree();
        tree.entries().forEach(restored::put);
        assertThat(restored.entries()).isEqualTo(tree.entries());
        assertThat(restored.size()).isEqualTo(tree.size());
    }

    @Test
    void rejects_patterns_where_a_concrete_path_is_needed() {
        assertThatThrownBy(() -> tree.get(p("Device.WiFi.SSID.*.SSID"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueInfo(p("Device.WiFi.SSID.*.SSID"), "x", "xsd:string"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueInfo(p("Device.WiFi."), "x", "xsd:string"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.diff(Map.of(p("Device.WiFi."), "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loads_every_shared_dump_into_a_tree_with_one_entry_per_row() throws IOException {
        Path dir = Path.of(System.getProperty("cwmp.shared.dir", "../shared"), "devices");
        assumeTrue(Files.isDirectory(dir), "shared device dumps not available: " + dir);
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                GenieacsSimCsv.Dump dump = GenieacsSimCsv.read(file);
                ParameterTree loaded = dump.toParameterTree(clock.instant());
                assertThat(loaded.size()).as(file.getFileName().toString()).isGreaterThanOrEqualTo(dump.rows().size());
                for (GenieacsSimCsv.Row row : dump.rows()) {
                    Entry entry = loaded.get(row.path()).orElseThrow();
                    assertThat(entry.object()).isEqualTo(row.object());
                    assertThat(entry.writable()).contains(row.writable());
                    if (!row.object()) {
                        assertThat(entry.value()).contains(row.value());
                    }
                }
            }
        }
    }
}
