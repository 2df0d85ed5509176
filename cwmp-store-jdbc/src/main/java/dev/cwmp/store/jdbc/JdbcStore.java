package dev.cwmp.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.SessionLocks;
import dev.cwmp.session.TaskQueue;
import dev.cwmp.store.jdbc.internal.Database;
import dev.cwmp.store.jdbc.internal.JdbcDeviceStore;
import dev.cwmp.store.jdbc.internal.JdbcFileStore;
import dev.cwmp.store.jdbc.internal.JdbcPresetStore;
import dev.cwmp.store.jdbc.internal.JdbcProvisioningStore;
import dev.cwmp.store.jdbc.internal.JdbcSessionLocks;
import dev.cwmp.store.jdbc.internal.JdbcTaskQueue;
import dev.cwmp.store.jdbc.internal.JdbcTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ACS's state in a database: devices with their parameter trees, tasks, provisioning state,
 * presets, files, named texts and the per-device session lock, each behind its SPI. Opening a store creates or migrates
 * its schema (a {@code cwmp_schema_version} table and numbered scripts shipped in this module).
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.h2(dataDir)) {          // embedded, one file
 *     Acs acs = Acs.builder().deviceStore(store.deviceStore()).taskQueue(store.taskQueue())
 *             .sessionLocks(store.sessionLocks())...build();
 * }
 * JdbcStore.connect("jdbc:postgresql://db/acs", "acs", password);   // several nodes
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} commits what is queued and closes the connection pool this class
 * opened (never a {@link DataSource} given to {@link #of(DataSource)}); close the store before the
 * JVM exits (the embedded database is not closed by a shutdown hook of its own).
 */
public final class JdbcStore implements AutoCloseable {

    /** The connection pool's size unless told otherwise. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final Database db;
    private final Optional<HikariDataSource> owned;
    private final JdbcDeviceStore devices;
    private final JdbcTaskQueue tasks;
    private final SessionLocks locks;
    private final JdbcProvisioningStore provisioning;
    private final JdbcPresetStore presets;

    private JdbcStore(DataSource dataSource, Optional<HikariDataSource> owned, boolean singleProcess) {
        this.owned = owned;
        try {
            this.db = new Database(dataSource);
            db.migrate();
        } catch (RuntimeException e) {
            owned.ifPresent(HikariDataSource::close);
            throw e;
        }
        this.devices = new JdbcDeviceStore(db, singleProcess);
        this.tasks = new JdbcTaskQueue(db, singleProcess);
        // An embedded file is open in one process only (H2 locks it): its session locks stay in memory
        // and cost no write per session; a database server may be shared by nodes: locks in a table.
        this.locks = singleProcess ? SessionLocks.inMemory() : new JdbcSessionLocks(db);
        this.provisioning = new JdbcProvisioningStore(db);
        this.presets = new JdbcPresetStore(db);
    }

    /**
     * The embedded store: an H2 database (MVStore) in the file {@code cwmp.mv.db} under
     * {@code directory}, created when absent. One process at a time opens the file. Every commit is
     * written to the file before it returns, so a killed process loses no committed session. Sessions
     * saved at the same time share one commit (group commit), and since no other process writes the
     * file, the store keeps in memory which devices have tasks and reads a record with its tree.
     */
    public static JdbcStore h2(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new JdbcStoreException("cannot create the data directory " + directory, e);
        }
        // WRITE_DELAY=0: each commit reaches the file before it returns (H2 otherwise writes commits
        // up to 500 ms later, and a killed process loses them: CrashSafetyTest catches that).
        // DB_CLOSE_ON_EXIT=FALSE: close() closes the database, not H2's own shutdown hook, which ran at
        // the same time as an application's hooks that still wrote (the standalone server's SIGTERM test).
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("cwmp")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return new JdbcStore(pool(url, "sa", "", DEFAULT_POOL_SIZE), true);
    }

    /** A store on any JDBC URL (PostgreSQL: {@code jdbc:postgresql://host/db}), with a pool of the default size. */
    public static JdbcStore connect(String jdbcUrl, String user, String password) {
        return connect(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** A store on any JDBC URL with a HikariCP pool of {@code poolSize} connections. */
    public static JdbcStore connect(String jdbcUrl, String user, String password, int poolSize) {
        return new JdbcStore(pool(jdbcUrl, user, password, poolSize), false);
    }

    private JdbcStore(HikariDataSource pool, boolean singleProcess) {
        this(pool, Optional.of(pool), singleProcess);
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(Objects.requireNonNull(user, "user"));
        config.setPassword(Objects.requireNonNull(password, "password"));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("cwmp-store");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new JdbcStoreException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** A store on a data source the application manages (and closes). */
    public static JdbcStore of(DataSource dataSource) {
        return new JdbcStore(Objects.requireNonNull(dataSource, "dataSource"), Optional.empty(), false);
    }

    /** The devices, with their records and parameter trees. */
    public DeviceStore deviceStore() {
        return devices;
    }

    /** The tasks waiting for devices. */
    public TaskQueue taskQueue() {
        return tasks;
    }

    /**
     * The per-device session locks: give them to every {@code Acs} sharing this database
     * ({@code Acs.Builder.sessionLocks}), so a device is in session on one node at a time. In a
     * table on a database server; in memory for the embedded file, which one process opens.
     */
    public SessionLocks sessionLocks() {
        return locks;
    }

    /** Each device's configuration status, faults and pending transfers (for the provisioning driver). */
    public ProvisioningStore provisioningStore() {
        return provisioning;
    }

    /**
     * The files served to CPEs, in the database, so that every node serves the same ones (the
     * embedded server keeps its files in a directory instead: {@code FileStore.directory}). Upload
     * times from the system clock.
     */
    public FileStore fileStore() {
        return fileStore(InstantSource.system());
    }

    /** {@link #fileStore()} with upload times (and the grace period of replaced files) from {@code clock}. */
    public FileStore fileStore(InstantSource clock) {
        return new JdbcFileStore(db, clock);
    }

    /**
     * The texts of one named collection (1 to 64 characters), shared by every node on the database:
     * the standalone server keeps provisions, virtual parameters and objects this way.
     */
    public StoredTexts texts(String collection) {
        return new JdbcTexts(db, collection);
    }

    /** The presets, changeable at run time; every node sees the version move. */
    public PresetStore presetStore() {
        return presets;
    }

    /** Whether the database is PostgreSQL (else the embedded H2). */
    public boolean isPostgres() {
        return db.isPostgres();
    }

    /** The data source the stores use (for monitoring or an operator's own read-only queries). */
    public DataSource dataSource() {
        return db.dataSource();
    }

    @Override
    public void close() {
        devices.close();
        owned.ifPresent(HikariDataSource::close);
    }
}
