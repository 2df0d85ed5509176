package dev.cwmp.session.internal.engine;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.CwmpDecodeException;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpHeaders;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.CwmpVersionNegotiation;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.AcsResponse;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeComplete;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeCompleteResponse;
import dev.cwmp.protocol.rpc.AutonomousTransferComplete;
import dev.cwmp.protocol.rpc.AutonomousTransferCompleteResponse;
import dev.cwmp.protocol.rpc.CpeRequest;
import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.DUStateChangeComplete;
import dev.cwmp.protocol.rpc.DUStateChangeCompleteResponse;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.GetRPCMethodsResponse;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.Kicked;
import dev.cwmp.protocol.rpc.KickedResponse;
import dev.cwmp.protocol.rpc.RequestDownload;
import dev.cwmp.protocol.rpc.RequestDownloadResponse;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.TransferCompleteResponse;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionEnd;
import dev.cwmp.session.SessionLock;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeAuthResult;
import dev.cwmp.session.http.AcsHttpRequest;
import dev.cwmp.session.http.AcsHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The transport-neutral CWMP session engine (TR-069 section 3.7): authenticates, decodes, keeps one
 * session per device, answers the CPE's requests, sends the ACS's requests one at a time, merges
 * every answer into the device's parameter tree, and saves the device when the session ends.
 *
 * <p>The ACS never sets HoldRequests: a CPE may send its own requests whenever no ACS request is
 * outstanding, and the ACS starts its requests on the empty POST (TR-069 section 3.7.2). A CPE's
 * NoMoreRequests header (CWMP 1.0) changes nothing: the empty POST still ends its turn.
 */
public final class SessionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEngine.class);
    private static final String CONTENT_TYPE = "text/xml; charset=\"utf-8\"";
    private static final byte[] EMPTY = new byte[0];
    private static final List<String> ACS_METHODS = List.of("Inform", "GetRPCMethods", "TransferComplete",
            "AutonomousTransferComplete", "DUStateChangeComplete", "AutonomousDUStateChangeComplete",
            "RequestDownload", "Kicked");

    private final EngineConfig config;
    private final TaskTracker taskTracker;
    private final SessionCookies cookies;
    private final ConcurrentHashMap<String, CwmpSession> sessionsById = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<DeviceId, CwmpSession> sessionsByDevice = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    public SessionEngine(EngineConfig config, TaskTracker taskTracker) {
        this.config = config;
        this.taskTracker = taskTracker;
        this.cookies = new SessionCookies(config.random());
    }

    /** Handles one HTTP request from a CPE. Never throws for anything the CPE sends. */
    public AcsHttpResponse handle(AcsHttpRequest request) {
        if (!request.method().equals("POST")) {
            return AcsHttpResponse.status(405).header("Allow", "POST").build();
        }
        Instant now = config.clock().instant();
        Optional<CwmpSession> found = findSession(request, now);
        if (found.isPresent()) {
            CwmpSession session = found.get();
            synchronized (session) {
                if (session.state == CwmpSession.State.ENDED) {
                    return noSession(request, "the session has ended");
                }
                MDC.put("deviceId", session.deviceIdText);
                MDC.put("sessionId", session.id);
                try {
                    return continueSession(session, request, now);
                } finally {
                    MDC.remove("deviceId");
                    MDC.remove("sessionId");
                }
            }
        }
        return startSession(request, now);
    }

    /** Ends every session idle for longer than the session timeout; returns how many ended. */
    public int expireSessions() {
        Instant now = config.clock().instant();
        int n = 0;
        for (CwmpSession s : sessionsById.values()) {
            synchronized (s) {
                if (s.isExpired(now, config.sessionTimeout())) {
                    end(s, SessionEnd.TIMED_OUT);
                    n++;
                }
            }
        }
        return n;
    }

    /** Ends every open session (on shutdown); the devices keep what their CPEs confirmed. */
    public void endAll() {
        for (CwmpSession s : sessionsById.values()) {
            synchronized (s) {
                if (s.state != CwmpSession.State.ENDED) {
                    end(s, SessionEnd.SHUTDOWN);
                }
            }
        }
    }

    /** How many sessions are open. */
    public int openSessions() {
        return sessionsById.size();
    }

    /** Whether the device is in session now. */
    public boolean inSession(DeviceId deviceId) {
        return sessionsByDevice.containsKey(deviceId);
    }

    // ---------------------------------------------------------------------------------------------
    // Starting a session

    private AcsHttpResponse startSession(AcsHttpRequest request, Instant now) {
        CpeAuthResult auth = config.authenticator().authenticate(new CpeAuthRequest(request.method(), request.path(),
                request.headerValues("Authorization"), request.remoteAddress(), request.clientCertificates()));
        if (auth instanceof CpeAuthResult.Challenge challenge) {
            return unauthorized(challenge.wwwAuthenticateHeaders(), 401);
        }
        if (auth instanceof CpeAuthResult.Rejected rejected) {
            refused(Optional.empty(), "authentication failed (" + rejected.reason() + ") from " + request.remoteAddress());
            return unauthorized(rejected.wwwAuthenticateHeaders(), rejected.httpStatus());
        }
        CpeAuthResult.Authenticated authenticated = (CpeAuthResult.Authenticated) auth;

        byte[] body;
        try {
            body = readBody(request);
        } catch (BodyTooLargeException e) {
            refused(Optional.empty(), "body larger than " + config.codec().limits().maxBytes() + " bytes from "
                    + request.remoteAddress());
            return AcsHttpResponse.status(413).header("Connection", "close").build();
        } catch (IOException e) {
            refused(Optional.empty(), "unreadable body from " + request.remoteAddress() + ": " + e.getMessage());
            return AcsHttpResponse.status(400).header("Connection", "close").build();
        }
        if (isBlank(body)) {
            return noSession(request, "an empty POST without a session");
        }
        CwmpEnvelope envelope;
        try {
            envelope = decode(body, request);
        } catch (CwmpDecodeException e) {
            refused(Optional.empty(), "undecodable envelope from " + request.remoteAddress() + ": " + e.getMessage());
            return decodeError(e);
        }
        if (!(envelope.body() instanceof Inform inform)) {
            refused(Optional.empty(), envelope.body().methodName() + " without a session from " + request.remoteAddress());
            return fault(envelope.version(), envelope.headers().id(), CwmpFault.of(FaultCode.ACS_REQUEST_DENIED,
                    "a session starts with an Inform"), 500);
        }
        DeviceId deviceId;
        try {
            deviceId = DeviceId.of(inform.deviceId());
        } catch (IllegalArgumentException e) {
            refused(Optional.empty(), "Inform with an unusable DeviceId from " + request.remoteAddress() + ": "
                    + e.getMessage());
            return fault(envelope.version(), envelope.headers().id(),
                    CwmpFault.of(FaultCode.ACS_INVALID_ARGUMENTS, e.getMessage()), 500);
        }
        if (authenticated.deviceId().isPresent() && !authenticated.deviceId().get().equals(deviceId.toString())) {
            refused(Optional.of(deviceId), "credentials of " + authenticated.deviceId().get() + " (user "
                    + authenticated.username() + ") used by " + deviceId);
            return AcsHttpResponse.status(403).header("Connection", "close").build();
        }
        Optional<CwmpVersionNegotiation.Agreement> agreement =
                CwmpVersionNegotiation.negotiate(envelope, config.versions());
        if (agreement.isEmpty()) {
            refused(Optional.of(deviceId), "no common CWMP version");
            return fault(envelope.version(), envelope.headers().id(),
                    CwmpFault.of(FaultCode.ACS_VERSION_INCOMPATIBLE), 500);
        }

        MDC.put("deviceId", deviceId.toString());
        try {
            return open(request, now, envelope, inform, deviceId, agreement.get());
        } finally {
            MDC.remove("deviceId");
            MDC.remove("sessionId");
        }
    }

    private AcsHttpResponse open(AcsHttpRequest request, Instant now, CwmpEnvelope envelope, Inform inform,
            DeviceId deviceId, CwmpVersionNegotiation.Agreement agreement) {
        String sessionId = cookies.newSessionId();
        // The device's lock first: what is read below is what the last session (on any node) saved.
        Optional<SessionLock> lock = acquireLock(deviceId, sessionId, now);
        if (lock.isEmpty()) {
            refused(Optional.of(deviceId), "Inform while the device is already in session");
            return AcsHttpResponse.status(503).header("Retry-After", "30").header("Connection", "close").build();
        }
        try {
            return open(request, now, envelope, inform, deviceId, agreement, sessionId, lock.get());
        } catch (RuntimeException e) {
            releaseLock(lock.get());
            throw e;
        }
    }

    private AcsHttpResponse open(AcsHttpRequest request, Instant now, CwmpEnvelope envelope, Inform inform,
            DeviceId deviceId, CwmpVersionNegotiation.Agreement agreement, String sessionId, SessionLock lock) {
        Optional<DeviceRecord> stored = config.deviceStore().record(deviceId);
        ParameterTree tree = stored.isPresent()
                ? config.deviceStore().parameters(deviceId).orElseGet(ParameterTree::new)
                : new ParameterTree();
        DeviceRecord base = stored.orElseGet(() -> DeviceRecord.registered(deviceId, inform.deviceId().manufacturer(), now));
        List<DeviceEvent> events = new ArrayList<>(inform.event().size());
        for (EventStruct e : inform.event()) {
            events.add(new DeviceEvent(now, e.eventCode(), e.commandKey()));
        }
        DeviceRecord informed = base.withInform(inform.deviceId().manufacturer(), now, events, config.maxRecentEvents());
        TreeUpdates.mergeValues(tree, inform.parameterList(), now);

        CwmpSession session = new CwmpSession(sessionId, deviceId, agreement.version(), inform,
                tlsIdentity(request), config.clock(), base, informed, tree, stored.isEmpty(),
                new TaskRunner(config.taskQueue().pending(deviceId, now)));
        session.httpRequests = 1;
        session.lock = lock;

        // One session per device: a second Inform while the first is alive is refused, the first untouched.
        CwmpSession existing = sessionsByDevice.putIfAbsent(deviceId, session);
        if (existing != null) {
            boolean replaced = false;
            synchronized (existing) {
                if (existing.state == CwmpSession.State.ENDED || existing.isExpired(now, config.sessionTimeout())) {
                    if (existing.state != CwmpSession.State.ENDED) {
                        end(existing, SessionEnd.TIMED_OUT);
                    }
                    replaced = sessionsByDevice.putIfAbsent(deviceId, session) == null;
                }
            }
            if (!replaced) {
                releaseLock(lock);
                refused(Optional.of(deviceId), "Inform while the device is already in session");
                return AcsHttpResponse.status(503).header("Retry-After", "30").header("Connection", "close").build();
            }
        }
        sessionsById.put(sessionId, session);
        MDC.put("sessionId", sessionId);
        LOG.debug("session opened (CWMP {}, events {})", agreement.version().label(), events);
        if (stored.isEmpty()) {
            safely(() -> config.listener().deviceRegistered(deviceId));
        }
        safely(() -> config.listener().sessionStarted(deviceId, sessionId));
        try {
            config.driver().sessionStarted(session);
        } catch (RuntimeException e) {
            LOG.error("session driver failed at session start", e);
            end(session, SessionEnd.DRIVER_ERROR);
            return AcsHttpResponse.status(500).header("Connection", "close").build();
        }
        CwmpEnvelope response = new CwmpEnvelope(agreement.version(), agreement.responseHeaders(), new InformResponse(1));
        return xml(response, 200)
                .header("Set-Cookie", SessionCookies.setCookieValue(sessionId, request.secure()))
                .build();
    }

    // ---------------------------------------------------------------------------------------------
    // In session

    private AcsHttpResponse continueSession(CwmpSession session, AcsHttpRequest request, Instant now) {
        if (!session.tlsIdentity.equals(tlsIdentity(request))) {
            refused(Optional.of(session.deviceId), "session cookie presented with another TLS identity");
            return AcsHttpResponse.status(403).header("Connection", "close").build();
        }
        session.lastActivity = now;
        session.httpRequests++;
        if (!renewLock(session, now)) {
            LOG.warn("session lock lost (another node may hold the device); ending the session unsaved");
            session.lockLost = true;
            end(session, SessionEnd.TIMED_OUT);
            return AcsHttpResponse.status(503).header("Retry-After", "30").header("Connection", "close").build();
        }
        if (session.httpRequests > config.maxHttpRequestsPerSession()) {
            LOG.warn("session reached its bound of {} HTTP requests; ending it", config.maxHttpRequestsPerSession());
            end(session, SessionEnd.REQUEST_LIMIT);
            return AcsHttpResponse.status(204).header("Connection", "close").build();
        }
        byte[] body;
        try {
            body = readBody(request);
        } catch (BodyTooLargeException e) {
            LOG.warn("body larger than {} bytes; ending the session", config.codec().limits().maxBytes());
            end(session, SessionEnd.PROTOCOL_ERROR);
            return AcsHttpResponse.status(413).header("Connection", "close").build();
        } catch (IOException e) {
            LOG.warn("unreadable body ({}); ending the session", e.getMessage());
            end(session, SessionEnd.PROTOCOL_ERROR);
            return AcsHttpResponse.status(400).header("Connection", "close").build();
        }
        if (isBlank(body)) {
            if (session.state == CwmpSession.State.AWAITING_RESPONSE) {
                LOG.warn("empty POST while the answer to {} was expected; ending the session",
                        session.outstanding.methodName());
                end(session, SessionEnd.PROTOCOL_ERROR);
                return AcsHttpResponse.status(400).header("Connection", "close").build();
            }
            return nextAcsMessage(session);
        }
        CwmpEnvelope envelope;
        try {
            envelope = decode(body, request);
        } catch (CwmpDecodeException e) {
            LOG.warn("undecodable envelope; ending the session: {}", e.getMessage());
            end(session, SessionEnd.PROTOCOL_ERROR);
            return decodeError(e);
        }
        CwmpMessage message = envelope.body();
        if (session.state == CwmpSession.State.AWAITING_RESPONSE) {
            return answerReceived(session, envelope);
        }
        if (message instanceof Inform) {
            LOG.warn("a second Inform inside a session; ending the session");
            end(session, SessionEnd.PROTOCOL_ERROR);
            return fault(session.version, envelope.headers().id(),
                    CwmpFault.of(FaultCode.ACS_REQUEST_DENIED, "Inform inside a session"), 500);
        }
        if (message instanceof CpeRequest<?> cpeRequest) {
            return cpeRequestReceived(session, envelope, cpeRequest);
        }
        if (message instanceof VendorMessage vendor) {
            LOG.info("vendor method {} not supported", vendor.methodName());
            return fault(session.version, envelope.headers().id(), CwmpFault.of(FaultCode.ACS_METHOD_NOT_SUPPORTED,
                    vendor.methodName() + " is not supported"), 500);
        }
        LOG.warn("unexpected {} while no request was outstanding; ending the session", message.methodName());
        end(session, SessionEnd.PROTOCOL_ERROR);
        return AcsHttpResponse.status(400).header("Connection", "close").build();
    }

    private AcsHttpResponse cpeRequestReceived(CwmpSession session, CwmpEnvelope envelope, CpeRequest<?> request) {
        try {
            config.driver().cpeRequestReceived(session, request);
        } catch (RuntimeException e) {
            LOG.error("session driver failed on {}", request.methodName(), e);
            end(session, SessionEnd.DRIVER_ERROR);
            return fault(session.version, envelope.headers().id(), CwmpFault.of(FaultCode.ACS_INTERNAL_ERROR), 500);
        }
        AcsResponse response = standardResponse(request);
        CwmpHeaders headers = envelope.headers().id().map(CwmpHeaders::withId).orElse(CwmpHeaders.NONE);
        return xml(new CwmpEnvelope(session.version, headers, response), 200).build();
    }

    private static AcsResponse standardResponse(CpeRequest<?> request) {
        if (request instanceof TransferComplete) {
            return new TransferCompleteResponse();
        }
        if (request instanceof AutonomousTransferComplete) {
            return new AutonomousTransferCompleteResponse();
        }
        if (request instanceof GetRPCMethods) {
            return new GetRPCMethodsResponse(ACS_METHODS);
        }
        if (request instanceof RequestDownload) {
            return new RequestDownloadResponse();
        }
        if (request instanceof DUStateChangeComplete) {
            return new DUStateChangeCompleteResponse();
        }
        if (request instanceof AutonomousDUStateChangeComplete) {
            return new AutonomousDUStateChangeCompleteResponse();
        }
        if (request instanceof Kicked kicked) {
            return new KickedResponse(kicked.next());
        }
        throw new IllegalStateException("no standard response to " + request.methodName());
    }

    private AcsHttpResponse answerReceived(CwmpSession session, CwmpEnvelope envelope) {
        AcsRequest<?> request = session.outstanding;
        CwmpMessage message = envelope.body();
        Optional<String> id = envelope.headers().id();
        if (id.isPresent() && !id.get().equals(session.outstandingId)) {
            LOG.warn("answer carries cwmp:ID {} but {} was sent; accepted by its type", id.get(), session.outstandingId);
        }
        Instant now = config.clock().instant();
        if (message instanceof CwmpFault fault) {
            LOG.info("CPE fault {} ({}) for {}", fault.faultCode(), fault.faultString(), request.methodName());
            session.state = CwmpSession.State.AWAITING_CPE;
            session.outstanding = null;
            session.tasks.faulted(request, fault).ifPresent(outcome -> taskEnded(session, outcome));
            try {
                config.driver().faultReceived(session, request, fault);
            } catch (RuntimeException e) {
                return driverFailed(session, e);
            }
            return nextAcsMessage(session);
        }
        if (!request.responseType().isInstance(message)) {
            LOG.warn("expected {} but the CPE sent {}; ending the session",
                    request.responseType().getSimpleName(), message.methodName());
            end(session, SessionEnd.PROTOCOL_ERROR);
            return AcsHttpResponse.status(400).header("Connection", "close").build();
        }
        CpeResponse response = (CpeResponse) message;
        session.state = CwmpSession.State.AWAITING_CPE;
        session.outstanding = null;
        TreeUpdates.apply(session.tree, request, response, now);
        session.tasks.answered(request, response).ifPresent(outcome -> taskEnded(session, outcome));
        try {
            config.driver().responseReceived(session, request, response);
        } catch (RuntimeException e) {
            return driverFailed(session, e);
        }
        return nextAcsMessage(session);
    }

    private AcsHttpResponse nextAcsMessage(CwmpSession session) {
        Optional<AcsRequest<?>> next = session.tasks.next();
        if (next.isEmpty()) {
            try {
                next = config.driver().nextRequest(session);
            } catch (RuntimeException e) {
                return driverFailed(session, e);
            }
        }
        if (next.isEmpty()) {
            end(session, SessionEnd.COMPLETED);
            // The session is over: the CPE closes its connection anyway, so say so and free the
            // server's connection slot at once instead of keeping an idle connection open.
            return AcsHttpResponse.status(204).header("Connection", "close").build();
        }
        AcsRequest<?> request = next.get();
        String id = "acs-" + Long.toHexString(requestIds.incrementAndGet());
        session.outstanding = request;
        session.outstandingId = id;
        session.state = CwmpSession.State.AWAITING_RESPONSE;
        session.acsRequests++;
        return xml(CwmpEnvelope.of(session.version, id, request), 200).build();
    }

    private AcsHttpResponse driverFailed(CwmpSession session, RuntimeException e) {
        LOG.error("session driver failed; ending the session", e);
        end(session, SessionEnd.DRIVER_ERROR);
        return AcsHttpResponse.status(204).header("Connection", "close").build();
    }

    private void taskEnded(CwmpSession session, TaskOutcome outcome) {
        session.completedTasks.add(outcome);
        taskTracker.end(outcome);
    }

    // ---------------------------------------------------------------------------------------------
    // Ending

    /** Ends a session: saves what the CPE confirmed, releases the device, tells the listener. */
    private void end(CwmpSession session, SessionEnd how) {
        if (session.state == CwmpSession.State.ENDED) {
            return;
        }
        session.state = CwmpSession.State.ENDED;
        if (!session.lockLost && !renewLock(session, config.clock().instant())) {
            LOG.warn("session lock lost (another node may hold the device); the session ends unsaved");
            session.lockLost = true;
        }
        try {
            if (!session.lockLost) {
                config.deviceStore().saveSession(session.deviceId, session.recordChange(), session.baseRecord,
                        session.tree);
            }
        } catch (RuntimeException e) {
            LOG.error("could not save the device at the end of its session", e);
        } finally {
            sessionsById.remove(session.id, session);
            sessionsByDevice.remove(session.deviceId, session);
            // After the save: the device's next session, on any node, reads what this one saved.
            if (session.lock != null && !session.lockLost) {
                releaseLock(session.lock);
            }
        }
        try {
            config.driver().sessionEnded(session, how);
        } catch (RuntimeException e) {
            LOG.warn("session driver failed at session end", e);
        }
        Duration duration = Duration.between(session.startedAt, config.clock().instant());
        safely(() -> config.listener().sessionEnded(session.deviceId, session.id, how, duration, session.httpRequests));
        if (how == SessionEnd.COMPLETED) {
            LOG.debug("session ended after {} HTTP requests", session.httpRequests);
        } else {
            LOG.info("session ended: {} after {} HTTP requests", how, session.httpRequests);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Session locks

    /** A lock outlives its session's idle time-out: twice the time-out, renewed when half is left. */
    private Duration lockTtl() {
        return config.sessionTimeout().multipliedBy(2);
    }

    private Optional<SessionLock> acquireLock(DeviceId deviceId, String sessionId, Instant now) {
        String owner = config.nodeName() + "/" + sessionId;
        try {
            Optional<SessionLock> lock = config.sessionLocks().tryAcquire(deviceId, owner, now, lockTtl());
            if (lock.isPresent()) {
                return lock;
            }
            // A session of this node that timed out but was not swept yet still holds the lock: end it.
            CwmpSession existing = sessionsByDevice.get(deviceId);
            if (existing == null) {
                return Optional.empty();
            }
            synchronized (existing) {
                if (existing.state == CwmpSession.State.ENDED || !existing.isExpired(now, config.sessionTimeout())) {
                    return Optional.empty();
                }
                end(existing, SessionEnd.TIMED_OUT);
            }
            return config.sessionLocks().tryAcquire(deviceId, owner, now, lockTtl());
        } catch (RuntimeException e) {
            LOG.error("could not take the session lock of {}", deviceId, e);
            return Optional.empty();
        }
    }

    private boolean renewLock(CwmpSession session, Instant now) {
        if (session.lock == null
                || Duration.between(now, session.lock.expiresAt()).compareTo(config.sessionTimeout()) > 0) {
            return true;
        }
        try {
            Optional<SessionLock> renewed = config.sessionLocks().renew(session.lock, now, lockTtl());
            renewed.ifPresent(l -> session.lock = l);
            return renewed.isPresent();
        } catch (RuntimeException e) {
            LOG.error("could not renew the session lock", e);
            return false;
        }
    }

    private void releaseLock(SessionLock lock) {
        try {
            config.sessionLocks().release(lock);
        } catch (RuntimeException e) {
            LOG.warn("could not release the session lock of {} (it expires by itself)", lock.deviceId(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private Optional<CwmpSession> findSession(AcsHttpRequest request, Instant now) {
        for (String id : SessionCookies.sessionIds(request.headerValues("Cookie"))) {
            CwmpSession s = sessionsById.get(id);
            if (s == null) {
                continue;
            }
            synchronized (s) {
                if (s.isExpired(now, config.sessionTimeout())) {
                    end(s, SessionEnd.TIMED_OUT);
                    continue;
                }
            }
            return Optional.of(s);
        }
        return Optional.empty();
    }

    private AcsHttpResponse noSession(AcsHttpRequest request, String what) {
        refused(Optional.empty(), what + " from " + request.remoteAddress());
        return AcsHttpResponse.status(400).header("Connection", "close").build();
    }

    private void refused(Optional<DeviceId> deviceId, String reason) {
        LOG.warn("refused: {}{}", deviceId.map(id -> "device " + id + ": ").orElse(""), reason);
        safely(() -> config.listener().requestRefused(deviceId, reason));
    }

    private AcsHttpResponse decodeError(CwmpDecodeException e) {
        CwmpVersion version = e.version().orElse(CwmpVersion.V1_0);
        CwmpFault fault = CwmpFault.of(e.faultToAnswer(), e.reason().name());
        return xml(new CwmpEnvelope(version, e.cwmpId().map(CwmpHeaders::withId).orElse(CwmpHeaders.NONE), fault), 400)
                .header("Connection", "close").build();
    }

    private AcsHttpResponse fault(CwmpVersion version, Optional<String> id, CwmpFault fault, int status) {
        return xml(new CwmpEnvelope(version, id.map(CwmpHeaders::withId).orElse(CwmpHeaders.NONE), fault), status).build();
    }

    private AcsHttpResponse.Builder xml(CwmpEnvelope envelope, int status) {
        return AcsHttpResponse.status(status).header("Content-Type", CONTENT_TYPE).body(config.codec().encode(envelope));
    }

    private static AcsHttpResponse unauthorized(List<String> challenges, int status) {
        AcsHttpResponse.Builder b = AcsHttpResponse.status(status);
        for (String c : challenges) {
            b.header("WWW-Authenticate", c);
        }
        return b.build();
    }

    private static void safely(Runnable listenerCall) {
        try {
            listenerCall.run();
        } catch (RuntimeException e) {
            LOG.warn("listener failed", e);
        }
    }

    private static Optional<String> tlsIdentity(AcsHttpRequest request) {
        if (request.clientCertificates().isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] der = request.clientCertificates().get(0).getEncoded();
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a client certificate", e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private CwmpEnvelope decode(byte[] body, AcsHttpRequest request) {
        Optional<Charset> charset = charsetOf(request);
        // A UTF-8 header leaves the body to its own declaration (many CPEs send that header for any
        // body), which is what decoding the array in place does, without a stream.
        return charset.isPresent() && !charset.get().equals(java.nio.charset.StandardCharsets.UTF_8)
                ? config.codec().decode(new ByteArrayInputStream(body), charset.get())
                : config.codec().decode(body);
    }

    private static Optional<Charset> charsetOf(AcsHttpRequest request) {
        Optional<String> contentType = request.header("Content-Type");
        if (contentType.isEmpty()) {
            return Optional.empty();
        }
        String type = contentType.get();
        int at = indexOfIgnoreCase(type, "charset=");
        if (at < 0) {
            return Optional.empty();
        }
        int end = type.indexOf(';', at);
        String name = type.substring(at + 8, end < 0 ? type.length() : end).trim().replace("\"", "");
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            LOG.debug("unknown charset {}; reading the body's own declaration", name);
            return Optional.empty();
        }
    }

    private static int indexOfIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the whole body, decompressed, failing past the codec's byte limit. */
    private byte[] readBody(AcsHttpRequest request) throws IOException {
        long max = config.codec().limits().maxBytes();
        InputStream in = request.body();
        String encoding = request.header("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "gzip":
            case "x-gzip":
                in = new GZIPInputStream(in);
                break;
            case "deflate":
                in = inflating(in);
                break;
            case "identity":
            case "":
                break;
            default:
                throw new IOException("unsupported Content-Encoding " + encoding);
        }
        try (InputStream body = in) {
            long declared = encoding.equals("identity") || encoding.isEmpty() ? declaredLength(request) : -1;
            if (declared > max) {
                throw new BodyTooLargeException();
            }
            if (declared >= 0 && declared <= PREALLOCATE_AT_MOST) {
                // The usual case: read straight into an array of the declared size (an empty POST
                // allocates nothing), and fall back to the general loop only if more follows. A larger
                // declared size is not trusted with an allocation up front: the body must arrive first.
                byte[] exact = declared == 0 ? EMPTY : new byte[(int) declared];
                int got = body.readNBytes(exact, 0, exact.length);
                if (got < exact.length) {
                    return Arrays.copyOf(exact, got);
                }
                int next = body.read();
                if (next < 0) {
                    return exact;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(exact.length + 4096);
                out.write(exact, 0, exact.length);
                out.write(next);
                return readRest(body, out, max);
            }
            return readRest(body, new ByteArrayOutputStream(4096), max);
        }
    }

    /** The largest declared Content-Length read into an array allocated before the bytes arrive. */
    private static final int PREALLOCATE_AT_MOST = 64 * 1024;

    private static byte[] readRest(InputStream body, ByteArrayOutputStream out, long max) throws IOException {
        byte[] buf = new byte[8192];
        long total = out.size();
        if (total > max) {
            throw new BodyTooLargeException();
        }
        int n;
        while ((n = body.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw new BodyTooLargeException();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** The Content-Length the request declares, or -1 when absent or malformed. */
    private static long declaredLength(AcsHttpRequest request) {
        Optional<String> header = request.header("Content-Length");
        if (header.isEmpty()) {
            return -1;
        }
        String v = header.get().trim();
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** RFC 9110's "deflate" is zlib-wrapped, but some clients send raw deflate: tell by the header. */
    private static InputStream inflating(InputStream in) throws IOException {
        java.io.PushbackInputStream peek = new java.io.PushbackInputStream(in, 2);
        int cmf = peek.read();
        int flg = cmf < 0 ? -1 : peek.read();
        if (flg >= 0) {
            peek.unread(flg);
        }
        if (cmf >= 0) {
            peek.unread(cmf);
        }
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
        return new InflaterInputStream(peek, new Inflater(!zlib));
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("body too large");
        }
    }
}
