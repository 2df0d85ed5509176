package dev.cwmp.session.internal.engine;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.session.AcsListener;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.SessionLocks;
import dev.cwmp.session.TaskQueue;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.connreq.ConnectionRequester;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/** Everything the engine is built from; validated by {@code Acs.Builder}. */
public record EngineConfig(
        CwmpCodec codec,
        CpeAuthenticator authenticator,
        DeviceStore deviceStore,
        TaskQueue taskQueue,
        SessionDriver driver,
        AcsListener listener,
        InstantSource clock,
        SecureRandom random,
        Duration sessionTimeout,
        int maxHttpRequestsPerSession,
        int maxRecentEvents,
        Set<CwmpVersion> versions,
        Optional<ConnectionRequester> connectionRequester,
        SessionLocks sessionLocks,
        String nodeName) {

    public EngineConfig {
        versions = Set.copyOf(versions);
    }
}
