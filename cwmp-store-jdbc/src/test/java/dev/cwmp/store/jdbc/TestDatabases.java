package dev.cwmp.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases tests run on: H2 files under a temporary directory, and the PostgreSQL server named by
 * {@code CWMP_PG_URL} ({@code CWMP_PG_USER}, {@code CWMP_PG_PASSWORD}); without it PostgreSQL tests skip.
 */
final class TestDatabases implements AutoCloseable {

    static final String PG_URL = System.getenv("CWMP_PG_URL");
    static final String PG_USER = envOr("CWMP_PG_USER", "cwmp");
    static final String PG_PASSWORD = envOr("CWMP_PG_PASSWORD", "");

    private final List<JdbcStore> open = new ArrayList<>();

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    static void assumePostgres() {
        assumeTrue(PG_URL != null && !PG_URL.isBlank(),
                "PostgreSQL tests skipped: set CWMP_PG_URL (and CWMP_PG_USER, CWMP_PG_PASSWORD) to a server"
                        + " (.ci/run starts one)");
    }

    /** A fresh embedded store in a new file under {@code dir}. */
    JdbcStore h2(Path dir) {
        return track(JdbcStore.h2(dir.resolve(UUID.randomUUID().toString())));
    }

    /**
     * A store on an H2 file opened by URL, as if by a server: its session locks are in the database
     * (the embedded {@link JdbcStore#h2} keeps them in memory).
     */
    JdbcStore h2ByUrl(Path dir) {
        return track(JdbcStore.connect("jdbc:h2:file:" + dir.toAbsolutePath().resolve("cwmp") + ";LOCK_TIMEOUT=10000",
                "sa", "", 12));
    }

    /** The PostgreSQL store, emptied. */
    JdbcStore emptyPostgres() {
        assumePostgres();
        JdbcStore store = track(JdbcStore.connect(PG_URL, PG_USER, PG_PASSWORD, 12));
        truncateAll(store);
        return store;
    }

    /** Another connection pool on the same PostgreSQL database, not emptied (a second node). */
    JdbcStore postgres() {
        assumePostgres();
        return track(JdbcStore.connect(PG_URL, PG_USER, PG_PASSWORD, 12));
    }

    JdbcStore track(JdbcStore store) {
        open.add(store);
        return store;
    }

    static void truncateAll(JdbcStore store) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("cwmp_devices", "cwmp_device_tags", "cwmp_tasks", "cwmp_session_locks",
                    "cwmp_faults", "cwmp_provisioning", "cwmp_presets", "cwmp_files", "cwmp_file_chunks", "cwmp_file_contents",
                    "cwmp_texts", "cwmp_text_versions")) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        open.forEach(JdbcStore::close);
        open.clear();
    }
}
