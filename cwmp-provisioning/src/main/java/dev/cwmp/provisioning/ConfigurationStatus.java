package dev.cwmp.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a device is configured, written by the driver at the end of each session.
 *
 * @param state {@link State#CONFIGURED}, {@link State#PENDING} or {@link State#FAULTED}
 * @param pendingPresets the presets still pending or faulted (empty when configured)
 * @param reason what is pending or why it faulted, for people (empty when configured)
 * @param updated when the status was written (the ACS's clock)
 */
public record ConfigurationStatus(State state, List<String> pendingPresets, Optional<String> reason,
        Instant updated) {

    /** The three states of a device's configuration. */
    public enum State {
        /** Every applicable preset converged in the last session: nothing pending, no fault, no transfer. */
        CONFIGURED,
        /** Something is left: a preset not converged yet, or a transfer waiting for its TransferComplete. */
        PENDING,
        /** A channel of the device has a fault. */
        FAULTED
    }

    public ConfigurationStatus {
        Objects.requireNonNull(state, "state");
        pendingPresets = List.copyOf(pendingPresets);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(updated, "updated");
    }

    /** Configured at {@code updated}. */
    public static ConfigurationStatus configured(Instant updated) {
        return new ConfigurationStatus(State.CONFIGURED, List.of(), Optional.empty(), updated);
    }

    /** Pending on these presets, for this reason. */
    public static ConfigurationStatus pending(List<String> presets, String reason, Instant updated) {
        return new ConfigurationStatus(State.PENDING, presets, Optional.of(reason), updated);
    }

    /** Faulted, for this reason (a fault's code and message). */
    public static ConfigurationStatus faulted(List<String> presets, String reason, Instant updated) {
        return new ConfigurationStatus(State.FAULTED, presets, Optional.of(reason), updated);
    }
}
