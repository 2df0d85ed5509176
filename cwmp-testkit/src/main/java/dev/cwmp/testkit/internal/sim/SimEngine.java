package dev.cwmp.testkit.internal.sim;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpException;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.CpeMessage;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.FaultStruct;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.TransferCompleteResponse;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.testkit.internal.sim.CpeRpcHandler.Deferred;
import dev.cwmp.testkit.internal.sim.ProfileTable.Node;
import dev.cwmp.testkit.sim.FirmwareFormat;
import dev.cwmp.testkit.sim.Quirks;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimScheduler;
import dev.cwmp.testkit.sim.SimulatorListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's engine: runs the devices' sessions (Inform, pending TransferCompletes, then the
 * ACS's requests until it ends the session), their timers (periodic and scheduled informs, boots,
 * retries) and transfers. Shared by every device of a simulator.
 */
public final class SimEngine {

    /** Largest file a device downloads. */
    public static final int MAX_FILE = 64 * 1024 * 1024;
    private static final int MAX_EXCHANGES = 10_000;
    private static final List<String> FORCED_TR181 = List.of("Device.RootDataModelVersion",
            "Device.DeviceInfo.HardwareVersion", "Device.DeviceInfo.SoftwareVersion",
            "Device.DeviceInfo.ProvisioningCode", "Device.ManagementServer.ParameterKey",
            "Device.ManagementServer.ConnectionRequestURL", "Device.ManagementServer.AliasBasedAddressing");
    private static final List<String> FORCED_TR098 = List.of("InternetGatewayDevice.DeviceSummary",
            "InternetGatewayDevice.DeviceInfo.SpecVersion", "InternetGatewayDevice.DeviceInfo.HardwareVersion",
            "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "InternetGatewayDevice.DeviceInfo.ProvisioningCode",
            "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
            "InternetGatewayDevice.ManagementServer.ParameterKey");

    private final HttpClient http;
    private final CwmpCodec codec;
    private final SimScheduler scheduler;
    private final Executor executor;
    private final Quirks quirks;
    private final SimulatorListener listener;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    public SimEngine(HttpClient http, CwmpCodec codec, SimScheduler scheduler, Executor executor, Quirks quirks,
            SimulatorListener listener, Duration timeout) {
        this.http = http;
        this.codec = codec;
        this.scheduler = scheduler;
        this.executor = executor;
        this.quirks = quirks;
        this.listener = listener;
        this.timeout = timeout;
    }

    public Quirks quirks() {
        return quirks;
    }

    public DeviceState newDevice(dev.cwmp.protocol.rpc.DeviceIdStruct identity, DeviceParameters params,
            FirmwareFormat format) {
        return new DeviceState(identity, params, format);
    }

    // ---- triggers ---------------------------------------------------------------------------------

    /** Powers the device on: {@code 1 BOOT} (and {@code 0 BOOTSTRAP} until it has bootstrapped), then a session. */
    public void powerOn(DeviceState d) {
        synchronized (d) {
            if (d.started) {
                return;
            }
            d.started = true;
            boot(d);
        }
        schedulePeriodic(d);
        requestSession(d);
    }

    private void boot(DeviceState d) {
        d.boots++;
        if (!d.bootstrapped && quirks.neverBootstrap()) {
            d.addEvent(EventStruct.of(EventStruct.PERIODIC)); // such a device starts as if its timer fired
            return;
        }
        if (!d.bootstrapped) {
            d.addEvent(EventStruct.of(EventStruct.BOOTSTRAP));
        }
        d.addEvent(EventStruct.of(EventStruct.BOOT));
    }

    /**
     * Resets the device to its factory defaults (an ACS's FactoryReset, or someone holding the reset
     * button): every change forgotten but the provisioned values (identity, TR-069 client settings,
     * the installed firmware), then {@code 0 BOOTSTRAP} and {@code 1 BOOT} and a session.
     */
    public void factoryReset(DeviceState d) {
        synchronized (d) {
            d.params.factoryReset();
            d.bootstrapped = false;
            d.events.clear();
            d.transfers.clear();
            d.changed = null;
            d.started = true;
            boot(d);
        }
        schedulePeriodic(d);
        requestSession(d);
    }

    /** A connection request was accepted: {@code 6 CONNECTION REQUEST}, then a session. */
    public void connectionRequest(DeviceState d) {
        synchronized (d) {
            d.addEvent(EventStruct.of(EventStruct.CONNECTION_REQUEST));
        }
        requestSession(d);
    }

    /** The device itself changed a value; notification decides whether it informs now (active) or later (passive). */
    public boolean changeLocally(DeviceState d, String path, String value) {
        boolean active;
        synchronized (d) {
            Optional<Node> n = d.params.find(path);
            if (n.isEmpty() || n.get().object()) {
                return false;
            }
            d.params.set(path, value);
            int notification = d.params.notification(n.get());
            if (notification == 0) {
                return true;
            }
            d.markChanged(path);
            d.addEvent(EventStruct.of(EventStruct.VALUE_CHANGE));
            active = notification == 2;
        }
        if (active) {
            requestSession(d);
        }
        return true;
    }

    /** Asks for a session now, with whatever events are pending ({@code 2 PERIODIC} if none). */
    public void informNow(DeviceState d) {
        synchronized (d) {
            if (d.events.isEmpty()) {
                d.addEvent(EventStruct.of(EventStruct.PERIODIC));
            }
        }
        requestSession(d);
    }

    /** Queues a session for the device (at most one waits at a time). */
    public void requestSession(DeviceState d) {
        synchronized (d) {
            if (d.silenced || d.sessionQueued) {
                return;
            }
            d.sessionQueued = true;
        }
        scheduler.schedule(Duration.ZERO, () -> executor.execute(() -> runSession(d)));
    }

    private void schedulePeriodic(DeviceState d) {
        long interval;
        long generation;
        synchronized (d) {
            boolean enabled = d.managementServer("PeriodicInformEnable").equals("true")
                    || d.managementServer("PeriodicInformEnable").equals("1");
            interval = enabled ? parseLong(d.managementServer("PeriodicInformInterval")) : -1;
            generation = ++d.periodicGeneration;
            d.scheduledInterval = interval;
        }
        if (interval > 0) {
            scheduler.schedule(Duration.ofSeconds(interval), () -> {
                synchronized (d) {
                    if (generation != d.periodicGeneration || d.silenced) {
                        return;
                    }
                    d.addEvent(EventStruct.of(EventStruct.PERIODIC));
                }
                requestSession(d);
                schedulePeriodic(d);
            });
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- sessions -----------------------------------------------------------------------------------

    private void runSession(DeviceState d) {
        synchronized (d) {
            d.sessionQueued = false;
            if (d.silenced) {
                return;
            }
            if (d.inSession) {
                d.again = true;
                return;
            }
            d.inSession = true;
        }
        List<Deferred> deferred = new ArrayList<>();
        SessionRecord record;
        try {
            record = session(d, deferred);
        } finally {
            boolean again;
            synchronized (d) {
                d.inSession = false;
                d.sessions++;
                again = d.again;
                d.again = false;
            }
            if (again) {
                requestSession(d);
            }
        }
        afterSession(d, record, deferred);
        try {
            listener.sessionEnded(record);
        } catch (RuntimeException ignored) {
            // a listener must not break the simulator
        }
    }

    private SessionRecord session(DeviceState d, List<Deferred> deferred) {
        Instant started = scheduler.clock().instant();
        Inform inform;
        AcsConnection acs;
        CpeRpcHandler handler;
        synchronized (d) {
            inform = buildInform(d);
            String url = d.managementServer("URL");
            acs = new AcsConnection(http, URI.create(url), d.managementServer("Username"),
                    d.managementServer("Password"), quirks, timeout);
            handler = new CpeRpcHandler(d.params, quirks.booleansAsDigits());
        }
        List<CpeMessage> cpeRequests = new ArrayList<>();
        List<AcsMessage> acsRequests = new ArrayList<>();
        List<CpeMessage> answers = new ArrayList<>();
        Optional<Inform> sent = Optional.of(inform);
        try {
            AcsConnection.Reply reply = acs.post(encode(CwmpEnvelope.of(CwmpVersion.V1_2, nextId(), inform)));
            if (reply.status() != 200 || reply.body().length == 0) {
                return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.HTTP_ERROR,
                        "Inform answered with HTTP " + reply.status());
            }
            CwmpEnvelope informResponse = codec.decode(reply.body());
            if (!(informResponse.body() instanceof InformResponse)) {
                return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.PROTOCOL_ERROR,
                        "Inform answered with " + informResponse.body().methodName());
            }
            List<TransferComplete> transfers;
            synchronized (d) {
                informDelivered(d, inform);
                transfers = List.copyOf(d.transfers);
            }
            for (TransferComplete tc : transfers) {
                cpeRequests.add(tc);
                AcsConnection.Reply r = acs.post(encode(CwmpEnvelope.of(CwmpVersion.V1_2, nextId(), tc)));
                if (r.status() != 200 || r.body().length == 0
                        || !(codec.decode(r.body()).body() instanceof TransferCompleteResponse)) {
                    return failed(d, started, sent, cpeRequests, acsRequests, answers,
                            SessionRecord.Outcome.PROTOCOL_ERROR, "TransferComplete not acknowledged");
                }
                synchronized (d) {
                    d.transfers.remove(tc);
                }
            }
            AcsConnection.Reply next = acs.post(new byte[0]);
            for (int i = 0; i < MAX_EXCHANGES; i++) {
                if (next.status() == 204 || (next.status() == 200 && next.body().length == 0)) {
                    return new SessionRecord(d.serialNumber(), started, sent, cpeRequests, acsRequests, answers,
                            SessionRecord.Outcome.COMPLETED, "");
                }
                if (next.status() != 200) {
                    return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.HTTP_ERROR,
                            "HTTP " + next.status() + " in session");
                }
                CwmpEnvelope envelope = codec.decode(next.body());
                if (!(envelope.body() instanceof AcsMessage request) || envelope.body() instanceof CwmpFault) {
                    return failed(d, started, sent, cpeRequests, acsRequests, answers,
                            SessionRecord.Outcome.PROTOCOL_ERROR, "unexpected " + envelope.body().methodName());
                }
                acsRequests.add(request);
                CpeRpcHandler.Answer answer;
                synchronized (d) {
                    try {
                        answer = handler.handle(request);
                    } catch (RuntimeException e) {
                        answer = new CpeRpcHandler.Answer(CwmpFault.of(FaultCode.INTERNAL_ERROR,
                                "internal error: " + e), Optional.empty());
                    }
                }
                answers.add(answer.message());
                answer.deferred().ifPresent(deferred::add);
                String id = envelope.headers().id().orElse(nextId());
                next = acs.post(encode(CwmpEnvelope.of(envelope.version(), id, answer.message())));
            }
            return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.PROTOCOL_ERROR,
                    "more than " + MAX_EXCHANGES + " requests in one session");
        } catch (AcsConnection.Unauthorized e) {
            return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.UNAUTHORIZED,
                    e.getMessage());
        } catch (CwmpException e) {
            return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.PROTOCOL_ERROR,
                    e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.TRANSPORT_ERROR,
                    String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(d, started, sent, cpeRequests, acsRequests, answers, SessionRecord.Outcome.TRANSPORT_ERROR,
                    "interrupted");
        }
    }

    private SessionRecord failed(DeviceState d, Instant started, Optional<Inform> inform, List<CpeMessage> cpeRequests,
            List<AcsMessage> acsRequests, List<CpeMessage> answers, SessionRecord.Outcome outcome, String detail) {
        long delay;
        synchronized (d) {
            d.retryCount++;
            delay = Math.min(5L << Math.min(d.retryCount - 1, 10), 3600);
        }
        scheduler.schedule(Duration.ofSeconds(delay), () -> requestSession(d));
        return new SessionRecord(d.serialNumber(), started, inform, cpeRequests, acsRequests, answers, outcome, detail);
    }

    private void informDelivered(DeviceState d, Inform inform) {
        if (inform.hasEvent(EventStruct.BOOTSTRAP)) {
            d.bootstrapped = true;
        }
        if (quirks.neverBootstrap()) {
            d.bootstrapped = true;
        }
        d.events.removeIf(e -> inform.event().contains(e));
        if (d.changed != null) {
            for (ParameterValueStruct p : inform.parameterList()) {
                d.changed.remove(p.name());
            }
            if (d.changed.isEmpty()) {
                d.changed = null;
            }
        }
        d.retryCount = 0;
    }

    private static final Comparator<EventStruct> EVENT_ORDER = Comparator.comparingInt(SimEngine::eventRank);

    private static int eventRank(EventStruct e) {
        String code = e.eventCode();
        int space = code.indexOf(' ');
        if (space > 0 && Character.isDigit(code.charAt(0))) {
            return Integer.parseInt(code.substring(0, space));
        }
        return code.startsWith("M ") ? 100 : 200;
    }

    private Inform buildInform(DeviceState d) {
        List<EventStruct> events = new ArrayList<>(d.events);
        if (!d.transfers.isEmpty() && events.stream().noneMatch(e -> e.is(EventStruct.TRANSFER_COMPLETE))) {
            events.add(EventStruct.of(EventStruct.TRANSFER_COMPLETE));
        }
        if (events.isEmpty()) {
            events.add(EventStruct.of(EventStruct.PERIODIC));
        }
        events.sort(EVENT_ORDER);
        if (quirks.singleEvent() && events.size() > 1) {
            events = List.of(events.get(0));
        }
        CpeRpcHandler handler = new CpeRpcHandler(d.params, quirks.booleansAsDigits());
        List<ParameterValueStruct> values = new ArrayList<>();
        List<String> names = new ArrayList<>(d.root.equals("Device") ? FORCED_TR181 : FORCED_TR098);
        if (d.changed != null) {
            for (String p : d.changed) {
                if (!names.contains(p)) {
                    names.add(p);
                }
            }
        }
        for (String name : names) {
            d.params.find(name).filter(n -> !n.object()).ifPresent(n -> values.add(handler.valueStruct(n)));
        }
        return new Inform(d.identity, events, 1, scheduler.clock().instant(), d.retryCount, values);
    }

    private byte[] encode(CwmpEnvelope envelope) {
        return QuirkyXml.rewrite(codec.encode(envelope), quirks);
    }

    private String nextId() {
        return "sim-" + ids.incrementAndGet();
    }

    // ---- after the session -------------------------------------------------------------------------

    private void afterSession(DeviceState d, SessionRecord record, List<Deferred> deferred) {
        boolean rescheduleNeeded;
        synchronized (d) {
            boolean enabled = d.managementServer("PeriodicInformEnable").equals("true")
                    || d.managementServer("PeriodicInformEnable").equals("1");
            long interval = enabled ? parseLong(d.managementServer("PeriodicInformInterval")) : -1;
            rescheduleNeeded = interval != d.scheduledInterval;
        }
        if (rescheduleNeeded) {
            schedulePeriodic(d);
        }
        for (Deferred action : deferred) {
            if (action instanceof Deferred.RebootAfterSession reboot) {
                synchronized (d) {
                    d.addEvent(EventStruct.of(EventStruct.M_REBOOT, reboot.commandKey()));
                    boot(d);
                }
                requestSession(d);
            } else if (action instanceof Deferred.FactoryResetAfterSession) {
                factoryReset(d);
            } else if (action instanceof Deferred.DownloadAfterSession download) {
                scheduler.schedule(Duration.ofSeconds(download.download().delaySeconds()),
                        () -> executor.execute(() -> download(d, download.download())));
            } else if (action instanceof Deferred.UploadAfterSession upload) {
                scheduler.schedule(Duration.ofSeconds(upload.upload().delaySeconds()),
                        () -> executor.execute(() -> upload(d, upload.upload())));
            } else if (action instanceof Deferred.InformLater later) {
                scheduler.schedule(Duration.ofSeconds(later.delaySeconds()), () -> {
                    synchronized (d) {
                        d.addEvent(EventStruct.of(EventStruct.SCHEDULED));
                        d.addEvent(EventStruct.of(EventStruct.M_SCHEDULE_INFORM, later.commandKey()));
                    }
                    requestSession(d);
                });
            }
        }
    }

    private record Fetched(byte[] data) {
    }

    private static final class TransferFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final FaultCode code;

        TransferFailure(FaultCode code, String message) {
            super(message);
            this.code = code;
        }
    }

    private Fetched fetch(String url, String username, String password) throws TransferFailure {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        } catch (IllegalArgumentException e) {
            throw new TransferFailure(FaultCode.FILE_TRANSFER_SERVER_UNREACHABLE, "bad URL " + url);
        }
        if (!username.isEmpty()) {
            b.header("Authorization", HttpAuth.basic(username, password));
        }
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() == 401 || r.statusCode() == 403) {
                    throw new TransferFailure(FaultCode.FILE_TRANSFER_SERVER_AUTHENTICATION_FAILURE,
                            "HTTP " + r.statusCode() + " for " + url);
                }
                if (r.statusCode() != 200) {
                    throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_INACCESSIBLE, "HTTP " + r.statusCode() + " for " + url);
                }
                byte[] data = in.readNBytes(MAX_FILE + 1);
                if (data.length > MAX_FILE) {
                    throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_CORRUPTED, "file larger than " + MAX_FILE);
                }
                return new Fetched(data);
            }
        } catch (ConnectException e) {
            throw new TransferFailure(FaultCode.FILE_TRANSFER_SERVER_UNREACHABLE, "cannot connect to " + url);
        } catch (IOException e) {
            throw new TransferFailure(FaultCode.FILE_TRANSFER_INCOMPLETE, "download failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferFailure(FaultCode.FILE_TRANSFER_INCOMPLETE, "interrupted");
        }
    }

    private void download(DeviceState d, Download download) {
        Instant start = scheduler.clock().instant();
        FaultStruct fault = FaultStruct.SUCCESS;
        boolean reboots = false;
        Optional<String> newVersion = Optional.empty();
        boolean keepsClient = true;
        String script = null;
        try {
            Fetched file = fetch(download.url(), download.username(), download.password());
            if (download.fileSize() > 0 && download.fileSize() != file.data().length) {
                throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_CORRUPTED,
                        "expected " + download.fileSize() + " bytes, got " + file.data().length);
            }
            String name = download.targetFileName().isEmpty() ? Firmware.fileName(download.url())
                    : download.targetFileName();
            if (download.fileType().startsWith("1 ")) {
                if (d.firmwareFormat == FirmwareFormat.ROUTEROS_PACKAGE_LIST) {
                    List<String> packages;
                    try {
                        packages = Firmware.packageUrls(file.data());
                    } catch (IllegalArgumentException e) {
                        throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_CORRUPTED, e.getMessage());
                    }
                    String arch;
                    synchronized (d) {
                        arch = d.params.value(d.root + ".DeviceInfo.X_MIKROTIK_ArchName").orElse("");
                    }
                    boolean client = false;
                    for (String p : packages) {
                        fetch(p, download.username(), download.password());
                        String file2 = Firmware.fileName(p);
                        if (file2.startsWith("routeros")) {
                            if (!arch.isEmpty() && !file2.contains(arch)) {
                                throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_CORRUPTED,
                                        file2 + " is not for architecture " + arch);
                            }
                            newVersion = Firmware.versionIn(file2.substring("routeros".length()));
                        }
                        client |= file2.startsWith("tr069-client");
                    }
                    if (newVersion.isEmpty()) {
                        throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_CORRUPTED,
                                "no routeros package in the upgrade list");
                    }
                    keepsClient = client;
                } else {
                    newVersion = Firmware.versionIn(name);
                    if (newVersion.isEmpty()) {
                        throw new TransferFailure(FaultCode.FILE_TRANSFER_FILE_CORRUPTED, "no version in " + name);
                    }
                }
                reboots = true;
            } else if (download.fileType().startsWith("3 ")) {
                if (name.endsWith(".alter")) {
                    script = new String(file.data(), StandardCharsets.UTF_8);
                } else {
                    reboots = true;
                }
            }
        } catch (TransferFailure e) {
            fault = new FaultStruct(e.code.code(), e.getMessage());
        }
        Instant complete = scheduler.clock().instant();
        synchronized (d) {
            if (newVersion.isPresent()) {
                d.params.provision(d.root + ".DeviceInfo.SoftwareVersion", newVersion.get());
            }
            if (script != null) {
                d.lastScript = script;
            }
            d.transfers.add(new TransferComplete(download.commandKey(), fault, start, complete));
            d.addEvent(EventStruct.of(EventStruct.TRANSFER_COMPLETE));
            d.addEvent(EventStruct.of(EventStruct.M_DOWNLOAD, download.commandKey()));
            if (reboots) {
                boot(d);
            }
            if (!keepsClient) {
                d.silenced = true; // RouterOS without its tr069-client package no longer talks to the ACS
            }
        }
        requestSession(d);
    }

    private void upload(DeviceState d, Upload upload) {
        Instant start = scheduler.clock().instant();
        byte[] content;
        synchronized (d) {
            StringBuilder sb = new StringBuilder();
            d.params.forEachUnder("", n -> {
                if (!n.object() && !n.secret()) {
                    sb.append(n.path()).append('=').append(d.params.currentValue(n)).append('\n');
                }
            });
            content = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        FaultStruct fault = FaultStruct.SUCCESS;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upload.url())).timeout(timeout)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
            if (!upload.username().isEmpty()) {
                b.header("Authorization", HttpAuth.basic(upload.username(), upload.password()));
            }
            HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                fault = new FaultStruct(FaultCode.UPLOAD_FAILURE.code(), "HTTP " + r.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            fault = new FaultStruct(FaultCode.UPLOAD_FAILURE.code(), "upload failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fault = new FaultStruct(FaultCode.UPLOAD_FAILURE.code(), "interrupted");
        }
        Instant complete = scheduler.clock().instant();
        synchronized (d) {
            d.transfers.add(new TransferComplete(upload.commandKey(), fault, start, complete));
            d.addEvent(EventStruct.of(EventStruct.TRANSFER_COMPLETE));
            d.addEvent(EventStruct.of(EventStruct.M_UPLOAD, upload.commandKey()));
        }
        requestSession(d);
    }
}
