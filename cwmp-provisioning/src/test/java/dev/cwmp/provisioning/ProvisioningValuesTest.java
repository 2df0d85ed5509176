package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value types of faults, transfers, statuses and objects, and the back-off of the options. */
class ProvisioningValuesTest {

    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void the_backoff_starts_at_the_base_doubles_and_stops_at_the_maximum() {
        ProvisioningOptions options = ProvisioningOptions.defaults();
        assertThat(options.backoff(0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.backoff(1)).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.backoff(5)).isEqualTo(Duration.ofSeconds(60 * 32));
        assertThat(options.backoff(6)).isEqualTo(Duration.ofHours(1));
        assertThat(options.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> options.backoff(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_options_keep_their_other_values_when_one_changes_and_refuse_nonsense() {
        ProvisioningOptions options = ProvisioningOptions.defaults()
                .withFaultBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1))
                .withDownloadTimeout(Duration.ofMinutes(10))
                .withMaxIterations(7);
        assertThat(options.faultBackoffBase()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.faultBackoffMax()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.downloadTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.maxIterations()).isEqualTo(7);
        assertThat(ProvisioningOptions.defaults().downloadTimeout()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> options.withFaultBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faultBackoffMax");
        assertThatThrownBy(() -> options.withDownloadTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_fault_is_named_by_device_and_channel_and_waits_until_retry_after() {
        ProvisioningFault fault = new ProvisioningFault(ID, "wifi", "cwmp.9007", "bad value", T0, 0, T0.plusSeconds(60));
        assertThat(fault.id()).isEqualTo("E48D8C-RB951Ui%2D2HnD-4AC7046131E4:wifi");
        assertThat(fault.isWaiting(T0.plusSeconds(59))).isTrue();
        assertThat(fault.isWaiting(T0.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> new ProvisioningFault(ID, "wifi", "x", "m", T0, 0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProvisioningFault(ID, "", "x", "m", T0, 0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProvisioningFault(ID, "wifi", "x", "m", T0, -1, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_device_state_holds_one_fault_per_channel_and_only_its_own() {
        ProvisioningFault first = new ProvisioningFault(ID, "wifi", "script", "a", T0, 0, T0.plusSeconds(60));
        ProvisioningFault second = new ProvisioningFault(ID, "wifi", "script", "b", T0, 1, T0.plusSeconds(120));
        DeviceProvisioning state = DeviceProvisioning.empty(ID).withFault(first).withFault(second);
        assertThat(state.faults()).containsExactly(second);
        assertThat(state.withoutFault("wifi").faults()).isEmpty();
        assertThatThrownBy(() -> new DeviceProvisioning(ID, state.status(), List.of(first, second), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one fault per channel");
        DeviceId other = new DeviceId("E48D8C", "RB951Ui-2HnD", "OTHER");
        assertThatThrownBy(() -> DeviceProvisioning.empty(other).withFault(first))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_transfer_expires_at_its_deadline_and_is_replaced_by_command_key() {
        PendingTransfer t = new PendingTransfer(ID, "k1", "default", "1 Firmware Upgrade Image", "http://127.0.0.1/fw",
                T0, T0.plusSeconds(3600));
        assertThat(t.isExpired(T0.plusSeconds(3599))).isFalse();
        assertThat(t.isExpired(T0.plusSeconds(3600))).isTrue();
        DeviceProvisioning state = DeviceProvisioning.empty(ID).withTransfer(t).withTransfer(t);
        assertThat(state.transfers()).containsExactly(t);
        assertThat(state.withoutTransfer("k1").transfers()).isEmpty();
        assertThatThrownBy(() -> new PendingTransfer(ID, "", "default", "1 Firmware Upgrade Image", "u", T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_transfer_holds_the_tags_its_session_added_or_removed_never_both() {
        Set<String> added = new HashSet<>(Set.of("UPGRADING"));
        PendingTransfer t = new PendingTransfer(ID, "k1", "upgrade", "1 Firmware Upgrade Image", "http://127.0.0.1/fw",
                T0, T0.plusSeconds(3600), added, Set.of("PENDING"));
        added.add("LATER");
        assertThat(t.tagsAdded()).containsExactly("UPGRADING");
        assertThat(t.tagsRemoved()).containsExactly("PENDING");
        assertThat(new PendingTransfer(ID, "k1", "upgrade", "1 Firmware Upgrade Image", "http://127.0.0.1/fw", T0,
                T0).tagsAdded()).isEmpty();
        assertThatThrownBy(() -> new PendingTransfer(ID, "k1", "upgrade", "1 Firmware Upgrade Image", "u", T0, T0,
                Set.of("UPGRADING"), Set.of("UPGRADING"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UPGRADING");
        assertThatThrownBy(() -> new PendingTransfer(ID, "k1", "upgrade", "1 Firmware Upgrade Image", "u", T0, T0,
                Set.of(), Set.of(" "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statuses_and_summaries_validate_what_they_hold() {
        assertThat(ConfigurationStatus.configured(T0).pendingPresets()).isEmpty();
        assertThat(ConfigurationStatus.pending(List.of("a"), "why", T0).reason()).hasValue("why");
        assertThat(new StatusSummary(1, 2, 3).total()).isEqualTo(6);
        assertThatThrownBy(() -> new StatusSummary(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_object_needs_keys_that_have_values() {
        PresetObject guest = new PresetObject("guest", Map.of("SSID", "guest"), List.of("SSID"));
        assertThat(guest.parameters()).containsEntry("SSID", "guest");
        assertThatThrownBy(() -> new PresetObject("guest", Map.of("SSID", "guest"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresetObject("guest", Map.of("SSID", "guest"), List.of("Name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Name");
        assertThatThrownBy(() -> new PresetObject("guest", Map.of("Device.WiFi.SSID.1.SSID", "x", ".SSID", "y"),
                List.of(".SSID"))).isInstanceOf(IllegalArgumentException.class);
    }
}
