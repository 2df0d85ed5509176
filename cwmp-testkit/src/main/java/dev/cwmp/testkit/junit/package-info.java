/**
 * JUnit 5 support: {@link dev.cwmp.testkit.junit.CwmpTest @CwmpTest} (or a configured
 * {@link dev.cwmp.testkit.junit.AcsExtension}) runs our ACS in process on a free loopback port and
 * injects it, its URL, a simulator pointed at it and {@link dev.cwmp.testkit.junit.Device @Device}
 * simulated CPEs; {@link dev.cwmp.testkit.junit.TestAcs} waits for sessions and task outcomes without
 * sleeping.
 *
 * <pre>{@code
 * @CwmpTest
 * class RebootTest {
 *     @Test
 *     void reboots(TestAcs acs, @Device("4AC7046131E4") SimulatedDevice cpe) {
 *         TaskHandle task = acs.submit(cpe, new TaskAction.Reboot("test"));
 *         cpe.powerOn();
 *         acs.awaitDone(task);
 *     }
 * }
 * }</pre>
 */
package dev.cwmp.testkit.junit;
