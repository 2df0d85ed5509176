/**
 * Scripted provisions and virtual parameters: GenieACS-compatible JavaScript run in a sandbox
 * (Mozilla Rhino, no Java access, bounded CPU time and memory per run).
 */
module dev.cwmp.scripting {
    requires transitive dev.cwmp.provisioning;
    requires org.mozilla.rhino;
    requires org.slf4j;
    requires jdk.management;

    exports dev.cwmp.scripting;
}
