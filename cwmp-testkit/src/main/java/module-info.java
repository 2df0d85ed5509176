/**
 * Tools to test an ACS: {@link dev.cwmp.testkit.load.LoadGenerator} runs simulated CPEs against any
 * ACS URL and reports sessions per second, latency percentiles and errors;
 * {@link dev.cwmp.testkit.load.CannedAcsServer} answers the same bytes an ACS would without parsing
 * anything, the ceiling the session benchmark compares against; {@link dev.cwmp.testkit.sim.Simulator}
 * runs simulated CPEs; {@link dev.cwmp.testkit.junit.CwmpTest} starts our ACS in process for a JUnit 5
 * test; {@link dev.cwmp.testkit.harness.AcsHarness} runs it on loopback and a manual clock with
 * simulated CPEs for tests of a session driver without JUnit; {@link dev.cwmp.testkit.contract} holds
 * the contract tests of the session engine's SPIs; {@link dev.cwmp.testkit.tls.TestKeyPair} makes key
 * pairs for tests of TLS on loopback.
 */
module dev.cwmp.testkit {
    requires transitive dev.cwmp.protocol;
    requires transitive dev.cwmp.datamodel;
    requires transitive dev.cwmp.session;
    // Only the JUnit extension and the contract tests need these; their users' test suites have both.
    requires static org.junit.jupiter.api;
    requires static org.assertj.core;
    requires java.net.http;
    requires java.xml;
    requires jdk.httpserver;

    exports dev.cwmp.testkit.contract;
    exports dev.cwmp.testkit.harness;
    exports dev.cwmp.testkit.junit;
    exports dev.cwmp.testkit.load;
    exports dev.cwmp.testkit.sim;
    exports dev.cwmp.testkit.store;
    exports dev.cwmp.testkit.tls;
}
