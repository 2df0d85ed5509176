package dev.cwmp.provisioning.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.DeviceView;
import dev.cwmp.session.DeviceId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** {@link DeviceView} from plain data ({@link DeviceView#builder}). */
public final class SimpleDeviceView implements DeviceView {

    /** What the builder collects. */
    public static final class Data {
        public final DeviceId id;
        public String manufacturer = "";
        public final Set<String> tags = new LinkedHashSet<>();
        public final Set<String> events = new LinkedHashSet<>();
        public ParameterTree tree = new ParameterTree();

        public Data(DeviceId id) {
            this.id = id;
        }
    }

    private final DeviceId id;
    private final String manufacturer;
    private final Set<String> tags;
    private final Set<String> events;
    private final TreeLookup lookup;

    public SimpleDeviceView(Data data) {
        this.id = data.id;
        this.manufacturer = data.manufacturer;
        this.tags = Set.copyOf(data.tags);
        this.events = Set.copyOf(data.events);
        this.lookup = new TreeLookup(data.tree.copy());
    }

    @Override
    public Optional<ParameterValue> parameter(ParameterPath path) {
        return lookup.value(path);
    }

    @Override
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    @Override
    public Set<String> tags() {
        return tags;
    }

    @Override
    public DeviceId deviceId() {
        return id;
    }

    @Override
    public String manufacturer() {
        return manufacturer;
    }

    @Override
    public Set<String> events() {
        return events;
    }
}
