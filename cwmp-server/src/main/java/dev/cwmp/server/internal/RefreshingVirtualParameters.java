package dev.cwmp.server.internal;

import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Virtual parameters whose scripts may change on another node: asks {@code refresh} (a catalog's
 * look at the stored scripts, cheap between looks) before each use.
 */
public final class RefreshingVirtualParameters implements VirtualParameterSource {

    private final VirtualParameterSource source;
    private final Runnable refresh;

    public RefreshingVirtualParameters(VirtualParameterSource source, Runnable refresh) {
        this.source = Objects.requireNonNull(source, "source");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    @Override
    public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context, Timestamps timestamps,
            Values values) {
        refresh.run();
        return source.evaluate(name, context, timestamps, values);
    }

    @Override
    public List<String> names() {
        refresh.run();
        return source.names();
    }
}
