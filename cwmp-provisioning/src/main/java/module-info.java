/**
 * Provisioning: presets (GenieACS 1.2 preset JSON and a Java API), their preconditions, tags and
 * schedules, and the evaluation that picks the presets applying to a session.
 */
module dev.cwmp.provisioning {
    requires transitive dev.cwmp.session;
    requires com.fasterxml.jackson.databind;
    requires com.cronutils;
    requires org.slf4j;
    requires jdk.httpserver;
    requires static org.junit.jupiter.api;
    requires static org.assertj.core;

    exports dev.cwmp.provisioning;
    exports dev.cwmp.provisioning.files;
    exports dev.cwmp.provisioning.zerotouch;
    exports dev.cwmp.provisioning.contract;
}
