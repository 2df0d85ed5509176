package dev.cwmp.provisioning;

import java.util.List;

/**
 * A function of the application that provisions call with {@link ProvisionContext#ext} (GenieACS's
 * extensions): a look-up in an inventory, a billing system, ... It runs off the session's thread,
 * bounded by {@link ProvisioningOptions#extensionTimeout()}; its result is remembered for the rest
 * of the session (same name and arguments, same result).
 */
@FunctionalInterface
public interface ExtensionFunction {

    /** The result (a String, number, boolean, or any value the provisions understand; never null). */
    Object apply(List<Object> args) throws Exception;
}
