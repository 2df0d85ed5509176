package dev.cwmp.testkit.store;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link DeviceStore} that hands every call to another one: extend it and override what a test
 * or a benchmark wants to watch or change (count reads, answer {@link #candidates} with every device
 * as a store without indexes would, fail a write).
 *
 * <pre>{@code
 * DeviceStore fullScan = new ForwardingDeviceStore(store.deviceStore()) {
 *     @Override
 *     public List<DeviceId> candidates(DeviceFilter filter) {
 *         return ids();
 *     }
 * };
 * }</pre>
 */
public class ForwardingDeviceStore implements DeviceStore {

    private final DeviceStore delegate;

    public ForwardingDeviceStore(DeviceStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store calls are handed to. */
    protected final DeviceStore delegate() {
        return delegate;
    }

    @Override
    public Optional<DeviceRecord> record(DeviceId id) {
        return delegate.record(id);
    }

    @Override
    public Optional<ParameterTree> parameters(DeviceId id) {
        return delegate.parameters(id);
    }

    @Override
    public Optional<DeviceRecord> update(DeviceId id, Function<Optional<DeviceRecord>, Optional<DeviceRecord>> change) {
        return delegate.update(id, change);
    }

    @Override
    public void saveSession(DeviceId id, UnaryOperator<DeviceRecord> recordChange, DeviceRecord ifAbsent,
            ParameterTree parameters) {
        delegate.saveSession(id, recordChange, ifAbsent, parameters);
    }

    @Override
    public boolean delete(DeviceId id) {
        return delegate.delete(id);
    }

    @Override
    public List<DeviceId> ids() {
        return delegate.ids();
    }

    @Override
    public List<DeviceId> candidates(DeviceFilter filter) {
        return delegate.candidates(filter);
    }
}
