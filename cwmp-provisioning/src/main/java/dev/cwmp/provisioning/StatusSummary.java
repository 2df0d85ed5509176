package dev.cwmp.provisioning;

/**
 * How many devices are in each {@link ConfigurationStatus.State} ({@link ProvisioningStore#summary()}).
 * Devices known to the store but never given a status count as pending.
 */
public record StatusSummary(long configured, long pending, long faulted) {

    public StatusSummary {
        if (configured < 0 || pending < 0 || faulted < 0) {
            throw new IllegalArgumentException("counts are not negative: " + configured + ", " + pending + ", " + faulted);
        }
    }

    /** All devices counted. */
    public long total() {
        return configured + pending + faulted;
    }
}
