package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written before schema version 3 hold the record as JSON: they are read, and rewritten as a blob. */
class RecordFormatTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.5Z");
    private static final DeviceId ID = new DeviceId("RF0001", "Box", "old");

    @TempDir
    Path dir;

    private final TestDatabases dbs = new TestDatabases();

    @AfterEach
    void close() {
        dbs.close();
    }

    @Test
    void a_row_with_the_json_record_is_read_and_its_next_save_writes_the_blob() throws Exception {
        JdbcStore store = dbs.h2(dir);
        String json = "{\"manufacturer\":\"Acme\",\"registered\":\"2026-11-25T12:00:00.5Z\","
                + "\"lastInform\":\"2026-11-25T12:01:00Z\",\"lastBoot\":\"2026-11-25T12:00:30Z\","
                + "\"events\":[[\"2026-11-25T12:01:00Z\",\"1 BOOT\",\"\"]],\"tags\":[\"x\"]}";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO cwmp_devices (device_id, oui, product_class, serial_number, manufacturer, last_inform_ms, "
                        + "record_json, parameters, row_version) VALUES (?, 'RF0001', 'Box', 'old', 'Acme', 0, ?, ?, 1)")) {
            p.setString(1, ID.toString());
            p.setString(2, json);
            p.setBytes(3, new byte[0]);
            p.executeUpdate();
        }
        DeviceRecord expected = DeviceRecord.restore(ID, "Acme", T0, Instant.parse("2026-11-25T12:01:00Z"),
                Optional.of(Instant.parse("2026-11-25T12:00:30Z")), Optional.empty(),
                List.of(new DeviceEvent(Instant.parse("2026-11-25T12:01:00Z"), "1 BOOT", "")), Set.of("x"));
        assertThat(store.deviceStore().record(ID)).contains(expected);

        store.deviceStore().saveSession(ID, r -> r.withTag("y"), DeviceRecord.registered(ID, "Acme", T0),
                new ParameterTree());

        assertThat(store.deviceStore().record(ID)).contains(expected.withTag("y"));
        try (Connection c = store.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT record_json, record_bin FROM cwmp_devices WHERE device_id = ?")) {
            p.setString(1, ID.toString());
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getBytes(2)).isNotEmpty();
            }
        }
    }
}
