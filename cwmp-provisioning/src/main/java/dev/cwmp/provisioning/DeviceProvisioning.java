package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-device provisioning state, saved by the driver in its {@link ProvisioningStore} at the end of
 * each session (and when a fault or transfer happens).
 *
 * @param deviceId the device
 * @param status its configuration status
 * @param faults its channels' faults (at most one per channel)
 * @param transfers its downloads waiting for a TransferComplete
 */
public record DeviceProvisioning(DeviceId deviceId, ConfigurationStatus status,
        List<ProvisioningFault> faults, List<PendingTransfer> transfers) {

    public DeviceProvisioning {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(status, "status");
        faults = List.copyOf(faults);
        transfers = List.copyOf(transfers);
        for (ProvisioningFault f : faults) {
            if (!f.deviceId().equals(deviceId)) {
                throw new IllegalArgumentException("fault " + f.id() + " is not of device " + deviceId);
            }
        }
        for (PendingTransfer t : transfers) {
            if (!t.deviceId().equals(deviceId)) {
                throw new IllegalArgumentException("transfer " + t.commandKey() + " is not of device " + deviceId);
            }
        }
        if (faults.stream().map(ProvisioningFault::channel).distinct().count() != faults.size()) {
            throw new IllegalArgumentException("at most one fault per channel: " + faults);
        }
    }

    /**
     * The state a store hands to {@link ProvisioningStore#update} for a device it has not seen:
     * pending ("not provisioned yet", updated at {@link Instant#EPOCH}), no fault, no transfer.
     */
    public static DeviceProvisioning empty(DeviceId deviceId) {
        return new DeviceProvisioning(deviceId,
                ConfigurationStatus.pending(List.of(), "not provisioned yet", Instant.EPOCH), List.of(), List.of());
    }

    /** The fault of a channel. */
    public Optional<ProvisioningFault> fault(String channel) {
        return faults.stream().filter(f -> f.channel().equals(channel)).findFirst();
    }

    /** This state with the channel's fault replaced by {@code fault}. */
    public DeviceProvisioning withFault(ProvisioningFault fault) {
        List<ProvisioningFault> list = new ArrayList<>(faults);
        list.removeIf(f -> f.channel().equals(fault.channel()));
        list.add(fault);
        return new DeviceProvisioning(deviceId, status, list, transfers);
    }

    /** This state without the channel's fault. */
    public DeviceProvisioning withoutFault(String channel) {
        List<ProvisioningFault> list = new ArrayList<>(faults);
        list.removeIf(f -> f.channel().equals(channel));
        return new DeviceProvisioning(deviceId, status, list, transfers);
    }

    /** This state with one more pending transfer (replacing one of the same CommandKey). */
    public DeviceProvisioning withTransfer(PendingTransfer transfer) {
        List<PendingTransfer> list = new ArrayList<>(transfers);
        list.removeIf(t -> t.commandKey().equals(transfer.commandKey()));
        list.add(transfer);
        return new DeviceProvisioning(deviceId, status, faults, list);
    }

    /** This state without the transfer of that CommandKey. */
    public DeviceProvisioning withoutTransfer(String commandKey) {
        List<PendingTransfer> list = new ArrayList<>(transfers);
        list.removeIf(t -> t.commandKey().equals(commandKey));
        return new DeviceProvisioning(deviceId, status, faults, list);
    }

    /** This state with another status. */
    public DeviceProvisioning withStatus(ConfigurationStatus newStatus) {
        return new DeviceProvisioning(deviceId, newStatus, faults, transfers);
    }
}
