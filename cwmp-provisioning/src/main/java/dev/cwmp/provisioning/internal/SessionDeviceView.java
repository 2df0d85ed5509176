package dev.cwmp.provisioning.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.provisioning.DeviceView;
import dev.cwmp.provisioning.EventFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** {@link DeviceView} of a live session (read on demand; parameter answers cached). */
public final class SessionDeviceView implements DeviceView {

    private final SessionContext session;
    private final TreeLookup lookup;
    private final Set<String> events;

    public SessionDeviceView(SessionContext session) {
        this.session = session;
        this.lookup = new TreeLookup(session.parameters());
        Set<String> codes = new HashSet<>();
        for (EventStruct e : session.inform().event()) {
            codes.add(EventFilter.normalize(e.eventCode()));
        }
        this.events = Set.copyOf(codes);
    }

    @Override
    public Optional<ParameterValue> parameter(ParameterPath path) {
        return lookup.value(path);
    }

    @Override
    public boolean hasTag(String tag) {
        return session.device().hasTag(tag);
    }

    @Override
    public Set<String> tags() {
        return session.device().tags();
    }

    @Override
    public DeviceId deviceId() {
        return session.deviceId();
    }

    @Override
    public String manufacturer() {
        return session.device().manufacturer();
    }

    @Override
    public Set<String> events() {
        return events;
    }
}
