package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    @Test
    void parses_the_ui_form_with_negation_and_prints_it_back() {
        EventFilter f = EventFilter.parse(" 1 BOOT ,-0 BOOTSTRAP");
        assertThat(f.events()).containsExactly(Map.entry("1 BOOT", true), Map.entry("0 BOOTSTRAP", false));
        assertThat(f.toString()).isEqualTo("1 BOOT, -0 BOOTSTRAP");
        assertThat(EventFilter.parse(f.toString())).isEqualTo(f);
        assertThat(f.required()).containsExactly("1_BOOT");
    }

    @Test
    void matches_spaces_and_underscores_alike_but_not_other_case() {
        EventFilter f = EventFilter.of(Map.of("7 TRANSFER COMPLETE", true, "M  Download", true));
        assertThat(f.matches(Set.of("7_TRANSFER_COMPLETE", "M_Download"))).isTrue();
        assertThat(f.matches(Set.of("7_TRANSFER_COMPLETE"))).isFalse();
        assertThat(f.matches(Set.of("7_transfer_complete", "M_Download"))).isFalse();
        assertThat(EventFilter.parse("-2 PERIODIC").matches(Set.of("2_PERIODIC"))).isFalse();
        assertThat(EventFilter.NONE.matches(Set.of())).isTrue();
    }

    @Test
    void rejects_empty_items_and_repeated_codes() {
        assertThatThrownBy(() -> EventFilter.parse("1 BOOT,,2 PERIODIC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty event");
        assertThatThrownBy(() -> EventFilter.parse("1 BOOT, -1 BOOT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> EventFilter.parse("-")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventFilter.parse("  ")).isSameAs(EventFilter.NONE);
    }
}
