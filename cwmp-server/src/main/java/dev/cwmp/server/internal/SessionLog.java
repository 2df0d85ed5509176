package dev.cwmp.server.internal;

import dev.cwmp.session.AcsListener;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.SessionEnd;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per registration, session and refused request; and, for the zero-touch story, one
 * line each time a device moves on (its tags PENDING, UPGRADING, UPGRADED, the provisioning
 * sub-tags, PROVISIONED) with the count of devices in each phase.
 */
public final class SessionLog implements AcsListener {

    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    private static final Logger STORY = LoggerFactory.getLogger("zero-touch");

    /** Where a device is in the zero-touch story, from its tags. */
    public enum Phase { PENDING, UPGRADING, UPGRADED, PROVISIONING, PROVISIONED }

    private final Map<DeviceId, Phase> phases = new ConcurrentHashMap<>();
    private volatile Optional<DeviceStore> devices = Optional.empty();

    /** The store the tags are read from, once the ACS is built. */
    public void devices(DeviceStore store) {
        this.devices = Optional.of(store);
    }

    @Override
    public void deviceRegistered(DeviceId deviceId) {
        LOG.info("new device {}", deviceId);
    }

    @Override
    public void sessionEnded(DeviceId deviceId, String sessionId, SessionEnd end, Duration duration, int requests) {
        LOG.info("session of {} ended: {} ({} HTTP requests, {} ms)", deviceId, end, requests, duration.toMillis());
        devices.flatMap(store -> store.record(deviceId)).ifPresent(record -> storyStep(deviceId, record));
    }

    @Override
    public void requestRefused(Optional<DeviceId> deviceId, String reason) {
        LOG.info("refused{}: {}", deviceId.map(id -> " " + id).orElse(""), reason);
    }

    private void storyStep(DeviceId deviceId, DeviceRecord record) {
        Optional<Phase> phase = phase(record.tags());
        if (phase.isEmpty()) {
            return;
        }
        Phase before = phases.put(deviceId, phase.get());
        if (before == phase.get()) {
            return;
        }
        Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            counts.put(p, 0);
        }
        phases.values().forEach(p -> counts.merge(p, 1, Integer::sum));
        STORY.info("{}: {}{}   [{}]", deviceId, before == null ? "" : before + " -> ", phase.get(), counts);
    }

    /** The phase the tags say, if the device is in the story. */
    public static Optional<Phase> phase(Collection<String> tags) {
        if (tags.contains("PROVISIONED")) {
            return Optional.of(Phase.PROVISIONED);
        }
        if (tags.contains("INIT") || tags.contains("WIFI") || tags.contains("OTHER")) {
            return Optional.of(Phase.PROVISIONING);
        }
        if (tags.contains("UPGRADED")) {
            return Optional.of(Phase.UPGRADED);
        }
        if (tags.contains("UPGRADING")) {
            return Optional.of(Phase.UPGRADING);
        }
        if (tags.contains("PENDING")) {
            return Optional.of(Phase.PENDING);
        }
        return Optional.empty();
    }
}
