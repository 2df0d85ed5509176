package dev.cwmp.provisioning;

import java.util.List;
import java.util.Optional;

/**
 * Computes virtual parameters, the {@code VirtualParameters.<name>} entries of a device's tree
 * (GenieACS's virtual parameters), for {@link ProvisioningDriver.Builder#virtualParameters}.
 *
 * <p>The provision engine calls {@link #evaluate} when a configuration or provision declares
 * {@code VirtualParameters.<name>} (or {@code VirtualParameters.*}) and the tree's entry is missing,
 * read before the declaration's value timestamp, or differs from a declared value; it merges the
 * result into the session's tree at the session's time and never asks the CPE about these paths.
 * The tree is saved with the device, so preconditions and queries see the last computed value.
 *
 * <p>Implementations must be thread-safe: sessions of different devices evaluate at once.
 */
public interface VirtualParameterSource {

    /**
     * Computes one virtual parameter. It may declare real parameters through the context like a
     * provision; when {@link ProvisionContext#commit()} stops it because declarations are pending,
     * the engine runs the declaring provision again once the CPE has answered.
     *
     * @param name the parameter's name, one path segment
     * @param timestamps the declaration's timestamps (GenieACS's {@code args[0]})
     * @param values the declaration's values: a value is a write (GenieACS's {@code args[1].value})
     * @return empty when the source has no parameter of that name
     * @throws ProvisioningException when the computation fails (a fault on the preset's channel)
     */
    Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context, Timestamps timestamps,
            Values values);

    /** The names of the virtual parameters the source computes ({@code VirtualParameters.*}). */
    List<String> names();

    /** A source of no virtual parameters (the default). */
    static VirtualParameterSource none() {
        return dev.cwmp.provisioning.internal.NoVirtualParameters.INSTANCE;
    }
}

