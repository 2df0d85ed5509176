package dev.cwmp.store.jdbc.internal;

import dev.cwmp.store.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data source with the helpers every store uses: transactions retried on the conflicts two
 * writers of one new row or a deadlock produce, and the schema's migrations.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 20;

    /** The numbered migrations, applied in order; never edit one that has shipped, add the next. */
    static final List<String> MIGRATIONS = List.of(
            "V1__devices_and_tasks.sql",
            "V2__provisioning.sql",
            "V3__record_blob.sql",
            "V4__files_and_texts.sql",
            "V5__device_index.sql");

    /**
     * Work in Java that a migration needs after its SQL, in the same transaction (what SQL cannot do,
     * such as decoding blobs).
     */
    private static final java.util.Map<String, Work<Void>> JAVA_STEPS = java.util.Map.of(
            "V5__device_index.sql", DeviceTags::backfill);

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean postgres;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns, rolled back when it throws.
     * Unique-key conflicts, serialization failures, deadlocks and lock time-outs roll back and run
     * the work again (so the work must only depend on what it reads in the transaction).
     */
    public <T> T inTransaction(String what, Work<T> work) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollback(c);
                    if (!isRetryable(e)) {
                        throw e;
                    }
                    last = e;
                } catch (RuntimeException | Error e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw new JdbcStoreException(what + " failed: " + e.getMessage(), e);
            }
        }
        throw new JdbcStoreException(what + " failed after " + ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    /** Runs read-only work with auto-commit (one statement, its own snapshot). */
    public <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new JdbcStoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    /** SQL states both engines use for a conflict worth retrying. */
    public static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("23505") || state.equals("40001") || state.equals("40P01")
                || state.equals("HYT00") || state.equals("55P03"));
    }

    /** Whether the exception is a unique-key violation. */
    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    // ---------------------------------------------------------------------------------------------
    // Migrations

    /** Brings the schema to the latest version; returns the version now in place. */
    public int migrate() {
        return migrateTo(MIGRATIONS.size());
    }

    /** Brings the schema to {@code target} (tests of a migration start from the version before it). */
    int migrateTo(int target) {
        for (int attempt = 0; ; attempt++) {
            try {
                return migrateOnce(target);
            } catch (SQLException e) {
                // Another node may be migrating the same database right now: look again.
                if (attempt >= 3) {
                    throw new JdbcStoreException("schema migration failed: " + e.getMessage(), e);
                }
                LOG.info("schema migration attempt {} failed ({}); retrying", attempt + 1, e.getMessage());
            }
        }
    }

    private int migrateOnce(int target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS cwmp_schema_version (version INT NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL)");
            }
            int current = currentVersion(c);
            for (int v = current + 1; v <= Math.min(target, MIGRATIONS.size()); v++) {
                String name = MIGRATIONS.get(v - 1);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(load(name))) {
                        s.execute(sql);
                    }
                    if (JAVA_STEPS.containsKey(name)) {
                        JAVA_STEPS.get(name).run(c);
                    }
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO cwmp_schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
                        p.setInt(1, v);
                        p.setString(2, name);
                        p.setLong(3, System.currentTimeMillis());
                        p.executeUpdate();
                    }
                    c.commit();
                    LOG.info("schema migrated to version {} ({})", v, name);
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return currentVersion(c);
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM cwmp_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String load(String name) {
        try (InputStream in = Database.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new JdbcStoreException("migration script missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JdbcStoreException("cannot read migration " + name, e);
        }
    }

    /** Splits a script on {@code ;} at the end of a line; lines starting with {@code --} are comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
