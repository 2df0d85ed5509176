/**
 * The standalone ACS: {@link dev.cwmp.server.AcsServer} serves CWMP, the NBI and the file server in
 * one process, with its data under one directory, and can start simulated MikroTik CPEs for a demo.
 */
module dev.cwmp.server {
    requires transitive dev.cwmp.provisioning;
    requires transitive dev.cwmp.nbi;
    requires dev.cwmp.scripting;
    requires dev.cwmp.store.jdbc;
    requires dev.cwmp.testkit;
    requires org.slf4j;
    requires java.net.http;
    requires jdk.unsupported;

    exports dev.cwmp.server;
}
