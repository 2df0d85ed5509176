package dev.cwmp.provisioning;

import java.util.List;

/**
 * A provision: a script, written in Java, that says what a device should look like through
 * {@link ProvisionContext#declare} and the other calls of its context (GenieACS's provision
 * scripts). Registered by name with {@link ProvisioningDriver.Builder#provision}; presets run it
 * with {@code {"type": "provision", "name": ..., "args": [...]}}.
 *
 * <p>A provision is run again after every answer of the CPE until nothing it declares is pending,
 * so it must be idempotent: declare the desired state, do not count runs. Its arguments are the
 * preset's, as Java values: {@link String}, {@link Double} (whole numbers as {@link Long}),
 * {@link Boolean}, or {@code null} for a JSON null.
 */
@FunctionalInterface
public interface Provision {

    /** Declares what the device should be like; may throw to record a fault for the device. */
    void run(ProvisionContext context, List<Object> args);
}
