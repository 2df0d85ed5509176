/**
 * A CPE simulator: {@link dev.cwmp.testkit.sim.Simulator} runs thousands of
 * {@link dev.cwmp.testkit.sim.SimulatedDevice}s in one JVM against any ACS, each one a
 * {@link dev.cwmp.testkit.sim.DeviceProfile} (a genieacs-sim dump, a standard model's defaults, or
 * the shipped MikroTik RB951Ui-2HnD) plus what changed on it. Devices inform with the standard
 * events, answer every CPE RPC with the standard faults, download and upload over HTTP, reboot and
 * reset, take connection requests on loopback with Digest, and can play the quirky devices of the
 * field ({@link dev.cwmp.testkit.sim.Quirks}). Time comes from a {@link dev.cwmp.testkit.sim.SimScheduler};
 * tests step a {@link dev.cwmp.testkit.sim.ManualScheduler}.
 */
package dev.cwmp.testkit.sim;
