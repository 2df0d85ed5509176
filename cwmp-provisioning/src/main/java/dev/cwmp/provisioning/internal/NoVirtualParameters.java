package dev.cwmp.provisioning.internal;

import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import java.util.List;
import java.util.Optional;

/** The source of no virtual parameters ({@link VirtualParameterSource#none()}). */
public enum NoVirtualParameters implements VirtualParameterSource {
    INSTANCE;

    @Override
    public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context, Timestamps timestamps,
            Values values) {
        return Optional.empty();
    }

    @Override
    public List<String> names() {
        return List.of();
    }
}
