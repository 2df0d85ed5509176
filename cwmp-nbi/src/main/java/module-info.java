/**
 * A GenieACS 1.2-compatible REST northbound interface: {@link dev.cwmp.nbi.NbiServer} serves
 * devices, tasks, tags, presets, provisions, virtual parameters, objects, faults, files, ping and
 * the configuration status over HTTP, behind a bearer token or Basic credentials.
 */
module dev.cwmp.nbi {
    requires transitive dev.cwmp.provisioning;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires org.slf4j;

    exports dev.cwmp.nbi;
}
