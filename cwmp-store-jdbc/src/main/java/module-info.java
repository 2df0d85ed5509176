/**
 * Persistent stores on JDBC ({@link dev.cwmp.store.jdbc.JdbcStore}): devices with their parameter
 * trees, tasks, provisioning state, presets and the per-device session lock, in an embedded H2 file
 * by default or in PostgreSQL for several ACS nodes.
 */
module dev.cwmp.store.jdbc {
    requires transitive dev.cwmp.session;
    requires transitive dev.cwmp.provisioning;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires com.zaxxer.hikari;
    requires com.h2database;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports dev.cwmp.store.jdbc;
}
