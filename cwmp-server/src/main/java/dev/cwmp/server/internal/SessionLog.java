package dev.cwmp.server.internal;

import dev.cwmp.session.AcsListener;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionEnd;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per registration, session and refused request. */
public final class SessionLog implements AcsListener {

    private static final Logger LOG = LoggerFactory.getLogger("cwmp");

    @Override
    public void deviceRegistered(DeviceId deviceId) {
        LOG.info("new device {}", deviceId);
    }

    @Override
    public void sessionEnded(DeviceId deviceId, String sessionId, SessionEnd end, Duration duration, int requests) {
        LOG.info("session of {} ended: {} ({} HTTP requests, {} ms)", deviceId, end, requests, duration.toMillis());
    }

    @Override
    public void requestRefused(Optional<DeviceId> deviceId, String reason) {
        LOG.info("refused{}: {}", deviceId.map(id -> " " + id).orElse(""), reason);
    }
}
