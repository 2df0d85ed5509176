package dev.cwmp.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against our ACS in process, with {@link AcsExtension}'s defaults: one
 * {@link dev.cwmp.session.Acs} per class (in-memory stores, no CPE authentication, connection
 * requests over HTTP) on a free loopback port, and a {@link dev.cwmp.testkit.sim.Simulator} per test.
 * Test methods take any of {@link TestAcs}, {@link dev.cwmp.session.Acs}, {@link java.net.URI} (the
 * ACS's URL), {@link dev.cwmp.testkit.sim.Simulator} and {@link Device @Device} simulated CPEs as
 * parameters.
 *
 * <pre>{@code
 * @CwmpTest
 * class FirmwareTest {
 *     @Test
 *     void reads_the_version(TestAcs acs, @Device("4AC7046131E4") SimulatedDevice cpe) { ... }
 * }
 * }</pre>
 *
 * <p>To configure the ACS, register the extension instead:
 * {@code @RegisterExtension static AcsExtension acs = AcsExtension.builder()...build();}
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AcsExtension.class)
public @interface CwmpTest {
}
