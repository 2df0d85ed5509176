package dev.cwmp.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link AcsExtension} for a {@link dev.cwmp.testkit.sim.SimulatedDevice} with this serial number,
 * of the extension's device profile (the MikroTik RB951Ui-2HnD unless configured), in the test's
 * simulator. The device is powered off: the test powers it on (its first Inform carries
 * {@code 0 BOOTSTRAP} and {@code 1 BOOT}). Two parameters with one serial number get the same device.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Device {

    /** The device's serial number, e.g. {@code "4AC7046131E4"}. */
    String value();
}
