/**
 * Tools to test an ACS: {@link dev.cwmp.testkit.load.LoadGenerator} runs simulated CPEs against any
 * ACS URL and reports sessions per second, latency percentiles and errors;
 * {@link dev.cwmp.testkit.load.CannedAcsServer} answers the same bytes an ACS would without parsing
 * anything, the ceiling the session benchmark compares against.
 */
module dev.cwmp.testkit {
    requires transitive dev.cwmp.protocol;
    requires transitive dev.cwmp.datamodel;
    requires java.net.http;
    requires java.xml;
    requires jdk.httpserver;

    exports dev.cwmp.testkit.load;
    exports dev.cwmp.testkit.sim;
}
