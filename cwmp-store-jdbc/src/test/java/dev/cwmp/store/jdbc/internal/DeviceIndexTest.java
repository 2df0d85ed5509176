package dev.cwmp.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 5: the tag table filled from records stored before it, and queries that decode no record. */
class DeviceIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private Database database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("cwmp"));
        ds.setUser("sa");
        return new Database(ds);
    }

    private static void insertRow(Connection c, DeviceRecord r, boolean json) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO cwmp_devices (device_id, oui, product_class, "
                + "serial_number, manufacturer, last_inform_ms, record_json, record_bin, parameters, row_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            p.setString(1, r.id().toString());
            p.setString(2, r.id().oui());
            p.setString(3, r.id().productClass());
            p.setString(4, r.id().serialNumber());
            p.setString(5, r.manufacturer());
            p.setLong(6, r.lastInform().toEpochMilli());
            p.setString(7, json ? JsonCodec.record(r) : null);
            p.setBytes(8, json ? null : RecordCodec.encode(r));
            p.setBytes(9, TreeCodec.encode(new ParameterTree()));
            p.executeUpdate();
        }
    }

    private static List<String> tagRows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT device_id, tag FROM cwmp_device_tags ORDER BY device_id, tag");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void the_migration_fills_the_tag_table_from_blob_and_json_records_written_before_it() throws Exception {
        Database db = database();
        assertThat(db.migrateTo(4)).isEqualTo(4);
        DeviceId blob = new DeviceId("000001", "Box", "blob");
        DeviceId json = new DeviceId("000001", "Box", "json");
        DeviceId untagged = new DeviceId("000001", "Box", "none");
        try (Connection c = db.dataSource().getConnection()) {
            insertRow(c, DeviceRecord.registered(blob, "Acme", T0).withTag("A").withTag("B"), false);
            insertRow(c, DeviceRecord.registered(json, "Acme", T0).withTag("A"), true);
            insertRow(c, DeviceRecord.registered(untagged, "Acme", T0), false);
        }

        assertThat(db.migrate()).isEqualTo(5);

        try (Connection c = db.dataSource().getConnection()) {
            assertThat(tagRows(c)).containsExactly(blob + " A", blob + " B", json + " A");
        }
        JdbcDeviceStore store = new JdbcDeviceStore(db, false);
        assertThat(store.candidates(DeviceFilter.all().withTag("A"))).containsExactlyInAnyOrder(blob, json);
        assertThat(store.candidates(DeviceFilter.all().withoutTag("A"))).containsExactly(untagged);
    }

    @Test
    void a_session_that_changes_no_tag_writes_no_tag_row_and_one_that_does_writes_only_the_change() throws Exception {
        Database db = database();
        db.migrate();
        JdbcDeviceStore store = new JdbcDeviceStore(db, true);
        DeviceId id = new DeviceId("000001", "Box", "s1");
        try {
            store.saveSession(id, r -> r.withTag("A").withTag("B"), DeviceRecord.registered(id, "Acme", T0),
                    new ParameterTree());
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(tagRows(c)).containsExactly(id + " A", id + " B");
                // Taken away behind the store's back: a save that rewrote every tag would put it back.
                c.createStatement().executeUpdate("DELETE FROM cwmp_device_tags WHERE tag = 'A'");
            }
            store.record(id);
            store.saveSession(id, r -> r.withInform("Acme", T0.plusSeconds(60), List.of(), 8),
                    DeviceRecord.registered(id, "Acme", T0), new ParameterTree());
            store.update(id, r -> r.map(x -> x.withInform("Acme", T0.plusSeconds(120), List.of(), 8)));
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(tagRows(c)).containsExactly(id + " B");
            }
            store.saveSession(id, r -> r.withoutTag("B").withTag("C"), DeviceRecord.registered(id, "Acme", T0),
                    new ParameterTree());
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(tagRows(c)).containsExactly(id + " C");
            }
        } finally {
            store.close();
        }
    }

    @Test
    void a_tag_row_left_by_an_older_node_does_not_stop_the_device_from_being_stored_again() throws Exception {
        Database db = database();
        db.migrate();
        JdbcDeviceStore store = new JdbcDeviceStore(db, false);
        DeviceId id = new DeviceId("000001", "Box", "left");
        try (Connection c = db.dataSource().getConnection()) {
            // As a node without schema 5's code leaves it after deleting the device.
            c.createStatement().executeUpdate("INSERT INTO cwmp_device_tags (device_id, tag) VALUES ('" + id + "', 'A')");
        }

        store.saveSession(id, r -> r.withTag("A").withTag("B"), DeviceRecord.registered(id, "Acme", T0),
                new ParameterTree());

        assertThat(store.record(id).orElseThrow().tags()).containsExactly("A", "B");
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(tagRows(c)).containsExactly(id + " A", id + " B");
        }
    }

    @Test
    void tag_and_identity_queries_decode_no_record() throws Exception {
        Database db = database();
        db.migrate();
        JdbcDeviceStore store = new JdbcDeviceStore(db, false);
        List<DeviceId> tagged = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            DeviceId id = new DeviceId("000001", i % 2 == 0 ? "Even" : "Odd", "SN" + i);
            store.saveSession(id, r -> id.serialNumber().endsWith("7") ? r.withTag("X") : r,
                    DeviceRecord.registered(id, "Acme", T0.plusSeconds(i)), new ParameterTree());
            if (id.serialNumber().endsWith("7")) {
                tagged.add(id);
            }
        }
        // Every stored record is now unreadable: a query that decoded any would fail.
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().executeUpdate("UPDATE cwmp_devices SET record_bin = X'FF', record_json = NULL");
        }

        assertThat(store.candidates(DeviceFilter.all().withTag("X"))).containsExactlyInAnyOrderElementsOf(tagged);
        assertThat(store.candidates(DeviceFilter.all().withProductClassIn(List.of("Odd")).withTag("X")))
                .containsExactlyInAnyOrder(new DeviceId("000001", "Odd", "SN7"), new DeviceId("000001", "Odd", "SN17"),
                        new DeviceId("000001", "Odd", "SN27"), new DeviceId("000001", "Odd", "SN37"),
                        new DeviceId("000001", "Odd", "SN47"));
        assertThat(store.candidates(DeviceFilter.all().withLastInformFrom(T0.plusSeconds(48)))).hasSize(2);
    }
}
