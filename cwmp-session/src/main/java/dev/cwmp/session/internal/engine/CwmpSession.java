package dev.cwmp.session.internal.engine;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionLock;
import dev.cwmp.session.TaskOutcome;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One CWMP session's state. Guarded by its own monitor: the engine handles one HTTP request of a
 * session at a time.
 */
final class CwmpSession implements SessionContext {

    enum State { AWAITING_CPE, AWAITING_RESPONSE, ENDED }

    final String id;
    final DeviceId deviceId;
    /** {@code deviceId.toString()}, computed once: it goes into the MDC on every request. */
    final String deviceIdText;
    final CwmpVersion version;
    final Inform inform;
    final Optional<String> tlsIdentity;
    final Instant startedAt;
    private final InstantSource clock;

    /** The record as loaded (or as first registered): what the session's changes are relative to. */
    final DeviceRecord baseRecord;
    private DeviceRecord record;
    final ParameterTree tree;
    final boolean newDevice;

    final TaskRunner tasks;
    final List<TaskOutcome> completedTasks = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();

    State state = State.AWAITING_CPE;
    AcsRequest<?> outstanding;
    String outstandingId;
    int httpRequests;
    int acsRequests;
    Instant lastActivity;
    /** The device's session lock, held from before the device is read until after it is saved. */
    SessionLock lock;
    /** Set when the lock was lost: the session ends without saving (another node may own the device). */
    boolean lockLost;

    CwmpSession(String id, DeviceId deviceId, CwmpVersion version, Inform inform, Optional<String> tlsIdentity,
            InstantSource clock, DeviceRecord baseRecord, DeviceRecord record, ParameterTree tree, boolean newDevice,
            TaskRunner tasks) {
        this.id = id;
        this.deviceId = deviceId;
        this.deviceIdText = deviceId.toString();
        this.version = version;
        this.inform = inform;
        this.tlsIdentity = tlsIdentity;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lastActivity = startedAt;
        this.baseRecord = baseRecord;
        this.record = record;
        this.tree = tree;
        this.newDevice = newDevice;
        this.tasks = tasks;
    }

    /** The change this session made to the record, to apply on whatever is stored when it ends. */
    UnaryOperator<DeviceRecord> recordChange() {
        DeviceRecord mine = record;
        Set<String> added = new LinkedHashSet<>(mine.tags());
        added.removeAll(baseRecord.tags());
        Set<String> removed = new LinkedHashSet<>(baseRecord.tags());
        removed.removeAll(mine.tags());
        return stored -> {
            // Everything but the tags is the session's to write; tags may have changed meanwhile.
            Set<String> tags = new LinkedHashSet<>(stored.tags());
            tags.removeAll(removed);
            tags.addAll(added);
            return mine.withTags(tags);
        };
    }

    boolean isExpired(Instant now, java.time.Duration timeout) {
        return state != State.ENDED && now.isAfter(lastActivity.plus(timeout));
    }

    @Override
    public DeviceId deviceId() {
        return deviceId;
    }

    @Override
    public String sessionId() {
        return id;
    }

    @Override
    public CwmpVersion cwmpVersion() {
        return version;
    }

    @Override
    public Inform inform() {
        return inform;
    }

    @Override
    public DeviceRecord device() {
        return record;
    }

    @Override
    public void updateDevice(UnaryOperator<DeviceRecord> change) {
        DeviceRecord next = change.apply(record);
        if (!next.id().equals(deviceId)) {
            throw new IllegalArgumentException("a session cannot change the device's id");
        }
        record = next;
    }

    @Override
    public ParameterTree parameters() {
        return tree;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public int acsRequestCount() {
        return acsRequests;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public List<TaskOutcome> completedTasks() {
        return List.copyOf(completedTasks);
    }
}
