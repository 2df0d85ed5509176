package dev.cwmp.server.internal;

import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.DeviceProvisioning;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.StatusSummary;
import dev.cwmp.session.DeviceId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, every two seconds, the configuration status counts when they moved, and each device that
 * became PENDING or FAULTED, with the reason.
 */
public final class StatusLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("status");
    private static final int MAX_DEVICES = 10_000;
    private static final int MAX_LINES_PER_TICK = 50;

    private final ProvisioningStore store;
    private final ScheduledExecutorService timer;
    private final Map<DeviceId, ConfigurationStatus.State> last = new HashMap<>();
    private StatusSummary lastSummary = new StatusSummary(0, 0, 0);

    private StatusLog(ProvisioningStore store) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "acs-status-log");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts logging. */
    public static StatusLog start(ProvisioningStore store) {
        StatusLog log = new StatusLog(store);
        log.timer.scheduleWithFixedDelay(log::tick, 2, 2, TimeUnit.SECONDS);
        return log;
    }

    private synchronized void tick() {
        try {
            StatusSummary summary = store.summary();
            if (summary.equals(lastSummary)) {
                return;
            }
            int lines = 0;
            for (ConfigurationStatus.State state : ConfigurationStatus.State.values()) {
                for (DeviceProvisioning device : store.withState(state, 0, MAX_DEVICES)) {
                    ConfigurationStatus.State before = last.put(device.deviceId(), state);
                    // CONFIGURED is the usual news and the counts say it; a device waiting or faulted gets a line.
                    if (before != state && state != ConfigurationStatus.State.CONFIGURED
                            && lines++ < MAX_LINES_PER_TICK) {
                        LOG.info("{}: {}{}{}", device.deviceId(), before == null ? "" : before + " -> ", state,
                                device.status().reason().map(r -> " (" + r + ")").orElse(""));
                    }
                }
            }
            LOG.info("configuration status of {} devices: {} configured, {} pending, {} faulted", summary.total(),
                    summary.configured(),
                    summary.pending(), summary.faulted());
            lastSummary = summary;
        } catch (RuntimeException e) {
            LOG.warn("reading the configuration status: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
