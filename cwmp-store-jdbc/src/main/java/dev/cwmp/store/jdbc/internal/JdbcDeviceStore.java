package dev.cwmp.store.jdbc.internal;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link DeviceStore} on JDBC: one row per device, the record ({@link RecordCodec}; JSON in rows
 * written before schema version 3) and the parameter tree ({@link TreeCodec}) as compact blobs.
 * A session's save is one {@code UPDATE ... WHERE row_version = ?} against the version its session
 * read; when another write came in between (or nothing was read), the save locks the row
 * ({@code SELECT ... FOR UPDATE}; the embedded store, which one process opens, holds a lock of its
 * own instead) and applies its change to what is stored, so updates of one device apply one after
 * the other on every node. Two writers creating the same device collide on the primary key and the
 * loser runs again on the winner's row. The embedded store commits concurrent saves together on a
 * writer thread ({@link BatchWriter}). Each device's tags are also rows of {@code cwmp_device_tags},
 * written in the transaction of every write of the record (only those that changed), so that
 * {@link #candidates} is one query on indexes.
 */
public final class JdbcDeviceStore implements DeviceStore {

    private static final String LOCK =
            "SELECT record_json, record_bin, row_version FROM cwmp_devices WHERE device_id = ? FOR UPDATE";
    private static final String READ_FOR_WRITE =
            "SELECT record_json, record_bin, row_version FROM cwmp_devices WHERE device_id = ?";
    private static final int WRITE_STRIPES = 1024;
    /** Reads that no save followed (the NBI's, a session that failed) are forgotten beyond this. */
    private static final int MAX_KNOWN = 16_384;
    private static final byte[] EMPTY_TREE = TreeCodec.encode(new ParameterTree());

    private final Database db;
    private final boolean groupCommit;
    /** Embedded only: commits concurrent sessions' saves together, on a thread of its own. */
    private final Optional<BatchWriter<Save>> batchWriter;
    /** Embedded only: held by every write of a device (a batch, an update, a delete). */
    private final ReentrantLock writer = new ReentrantLock();
    /** Embedded only: writes committed per stripe of device ids, and the tree read with a record. */
    private final AtomicLongArray writes = new AtomicLongArray(WRITE_STRIPES);
    private final ThreadLocal<ReadAhead> readAhead = new ThreadLocal<>();
    /**
     * The record and row version of each device as last read, until its session saves: a save whose
     * row still has that version applies its change to the record read and writes it with one
     * {@code UPDATE ... WHERE row_version = ?}, without reading and decoding the row again.
     */
    private final ConcurrentHashMap<DeviceId, Known> known = new ConcurrentHashMap<>();

    /**
     * @param groupCommit whether this process alone opens the database (the embedded file): then
     *     concurrent {@link #saveSession} calls share one transaction (the engine writes its file once
     *     per commit) and every write of a device holds one lock in this process instead of the
     *     row's, and a record is read with its tree
     */
    public JdbcDeviceStore(Database db, boolean groupCommit) {
        this.db = db;
        this.groupCommit = groupCommit;
        this.batchWriter = groupCommit ? Optional.of(new BatchWriter<>("cwmp-store-writer", this::commit))
                : Optional.empty();
    }

    /** Commits the saves still queued and stops the embedded store's writer thread. */
    public void close() {
        batchWriter.ifPresent(BatchWriter::close);
    }

    @Override
    public Optional<DeviceRecord> record(DeviceId id) {
        if (groupCommit) {
            return recordAndTree(id);
        }
        return db.read("reading device " + id, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT record_json, record_bin, row_version FROM cwmp_devices WHERE device_id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(remember(id, record(id, rs), rs.getLong(3))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The embedded store reads a device's record and tree in one query: a session asks for the one
     * and then the other. The tree's bytes wait in this thread for {@link #parameters}, which takes
     * them unless a write of this store touched the device (or one sharing its stripe) since: this
     * process alone writes the file, so nothing newer can be in it.
     */
    private Optional<DeviceRecord> recordAndTree(DeviceId id) {
        long writesBefore = writes.get(stripe(id));
        return db.read("reading device " + id, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT record_json, record_bin, row_version, parameters FROM cwmp_devices WHERE device_id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        readAhead.remove();
                        return Optional.empty();
                    }
                    DeviceRecord r = remember(id, record(id, rs), rs.getLong(3));
                    readAhead.set(new ReadAhead(id, writesBefore, rs.getBytes(4)));
                    return Optional.of(r);
                }
            }
        });
    }

    private record ReadAhead(DeviceId id, long writes, byte[] tree) {
    }

    private record Known(DeviceRecord record, long version) {
    }

    private DeviceRecord remember(DeviceId id, DeviceRecord record, long version) {
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.put(id, new Known(record, version));
        return record;
    }

    private static int stripe(DeviceId id) {
        return id.hashCode() & (WRITE_STRIPES - 1);
    }

    /** After a write of the device has committed: a tree read ahead before it is stale. */
    private void written(DeviceId id) {
        if (groupCommit) {
            writes.incrementAndGet(stripe(id));
        }
    }

    @Override
    public Optional<ParameterTree> parameters(DeviceId id) {
        if (groupCommit) {
            ReadAhead ahead = readAhead.get();
            readAhead.remove();
            if (ahead != null && ahead.id().equals(id) && writes.get(stripe(id)) == ahead.writes()) {
                return Optional.of(TreeCodec.decode(ahead.tree()));
            }
        }
        return db.read("reading the parameters of " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT parameters FROM cwmp_devices WHERE device_id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(TreeCodec.decode(rs.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<DeviceRecord> update(DeviceId id,
            Function<Optional<DeviceRecord>, Optional<DeviceRecord>> change) {
        if (groupCommit) {
            writer.lock();
        }
        try {
            return updateOnce(id, change);
        } finally {
            written(id);
            if (groupCommit) {
                writer.unlock();
            }
        }
    }

    private Optional<DeviceRecord> updateOnce(DeviceId id,
            Function<Optional<DeviceRecord>, Optional<DeviceRecord>> change) {
        return db.inTransaction("updating device " + id, c -> {
            Optional<Locked> stored = lock(c, id);
            Optional<DeviceRecord> next = change.apply(stored.map(Locked::record));
            if (next.isEmpty()) {
                return stored.map(Locked::record);
            }
            checkId(id, next.get());
            if (stored.isPresent()) {
                try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_devices SET manufacturer = ?, "
                        + "last_inform_ms = ?, record_json = NULL, record_bin = ?, row_version = row_version + 1 "
                        + "WHERE device_id = ?")) {
                    p.setString(1, next.get().manufacturer());
                    p.setLong(2, next.get().lastInform().toEpochMilli());
                    p.setBytes(3, RecordCodec.encode(next.get()));
                    p.setString(4, id.toString());
                    p.executeUpdate();
                }
                DeviceTags.changed(c, id, stored.get().record().tags(), next.get().tags());
            } else {
                insert(c, next.get(), EMPTY_TREE);
            }
            return next;
        });
    }

    @Override
    public void saveSession(DeviceId id, UnaryOperator<DeviceRecord> recordChange, DeviceRecord ifAbsent,
            ParameterTree parameters) {
        byte[] tree = TreeCodec.encode(parameters);
        Optional<Known> read = Optional.ofNullable(known.remove(id));
        if (!groupCommit) {
            db.inTransaction("saving the session of " + id, c -> {
                save(c, new Save(id, recordChange, ifAbsent, tree, read));
                return null;
            });
            return;
        }
        // Group commit: the writer thread commits every save queued so far in one transaction (the
        // embedded engine writes its file once per commit); this returns once that commit is done.
        Save save = new Save(id, recordChange, ifAbsent, tree, read);
        batchWriter.orElseThrow().submitAndWait(save);
        if (save.failure != null) {
            throw save.failure;
        }
    }

    /** One transaction for the whole batch; when the database refuses it, each save on its own. */
    private void commit(List<Save> batch) {
        boolean finished = false;
        writer.lock();
        try {
            db.inTransaction("saving " + batch.size() + " sessions", c -> {
                for (Save s : batch) {
                    s.failure = null;
                    try {
                        save(c, s);
                    } catch (RuntimeException e) {
                        // The record change or its check refused: nothing of this save was written.
                        s.failure = e;
                    }
                }
                return null;
            });
            finished = true;
        } catch (RuntimeException e) {
            for (Save s : batch) {
                s.failure = null;
                try {
                    db.inTransaction("saving the session of " + s.id, c -> {
                        save(c, s);
                        return null;
                    });
                } catch (RuntimeException single) {
                    s.failure = single;
                }
            }
            finished = true;
        } finally {
            for (Save s : batch) {
                // Whatever happened, a tree read ahead of this device may be stale now.
                written(s.id);
                if (!finished) {
                    s.failure = new JdbcStoreException("the session of " + s.id + " was not saved");
                }
            }
            writer.unlock();
        }
    }

    /** A session's save: what {@link #saveSession} was given, and how it ended. */
    private static final class Save {
        final DeviceId id;
        final UnaryOperator<DeviceRecord> recordChange;
        final DeviceRecord ifAbsent;
        final byte[] tree;
        /** The record and row version its session read, if nothing read the device since. */
        final Optional<Known> read;
        /** Set by the writer thread before the caller wakes up. */
        volatile RuntimeException failure;

        Save(DeviceId id, UnaryOperator<DeviceRecord> recordChange, DeviceRecord ifAbsent, byte[] tree,
                Optional<Known> read) {
            this.id = id;
            this.recordChange = recordChange;
            this.ifAbsent = ifAbsent;
            this.tree = tree;
            this.read = read;
        }
    }

    private void save(Connection c, Save s) throws SQLException {
        if (s.read.isPresent() && saveIfUnchanged(c, s, s.read.get())) {
            return;
        }
        Optional<Locked> stored = lock(c, s.id);
        DeviceRecord next = s.recordChange.apply(stored.isPresent() ? stored.get().record() : s.ifAbsent);
        checkId(s.id, next);
        if (stored.isPresent()) {
            try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_devices SET manufacturer = ?, "
                    + "last_inform_ms = ?, record_json = NULL, record_bin = ?, parameters = ?, "
                    + "row_version = row_version + 1 WHERE device_id = ?")) {
                p.setString(1, next.manufacturer());
                p.setLong(2, next.lastInform().toEpochMilli());
                p.setBytes(3, RecordCodec.encode(next));
                p.setBytes(4, s.tree);
                p.setString(5, s.id.toString());
                p.executeUpdate();
            }
            DeviceTags.changed(c, s.id, stored.get().record().tags(), next.tags());
        } else {
            insert(c, next, s.tree);
        }
    }

    /**
     * Applies the save's change to the record its session read and writes the row if its version is
     * still the one read; returns false (nothing written) when another write came in between.
     */
    private static boolean saveIfUnchanged(Connection c, Save s, Known read) throws SQLException {
        DeviceRecord next = s.recordChange.apply(read.record());
        checkId(s.id, next);
        try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_devices SET manufacturer = ?, "
                + "last_inform_ms = ?, record_json = NULL, record_bin = ?, parameters = ?, "
                + "row_version = row_version + 1 WHERE device_id = ? AND row_version = ?")) {
            p.setString(1, next.manufacturer());
            p.setLong(2, next.lastInform().toEpochMilli());
            p.setBytes(3, RecordCodec.encode(next));
            p.setBytes(4, s.tree);
            p.setString(5, s.id.toString());
            p.setLong(6, read.version());
            if (p.executeUpdate() != 1) {
                return false;
            }
        }
        // The row had the version read: its tags were the record's read.
        DeviceTags.changed(c, s.id, read.record().tags(), next.tags());
        return true;
    }

    @Override
    public boolean delete(DeviceId id) {
        if (groupCommit) {
            writer.lock();
        }
        try {
            return db.inTransaction("deleting device " + id, c -> {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_devices WHERE device_id = ?")) {
                    p.setString(1, id.toString());
                    if (p.executeUpdate() == 0) {
                        return false;
                    }
                }
                DeviceTags.deleted(c, id);
                return true;
            });
        } finally {
            written(id);
            if (groupCommit) {
                writer.unlock();
            }
        }
    }

    @Override
    public List<DeviceId> ids() {
        return db.read("listing devices", c -> {
            List<DeviceId> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT oui, product_class, serial_number FROM cwmp_devices");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeviceId(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /**
     * One query on the indexed columns and the tag table: the devices that meet the filter exactly.
     * The first wanted tag (or the ids, the serial numbers, ...) leads, so the engine starts from the
     * narrowest index it is given. A long list of ids is asked in parts.
     */
    @Override
    public List<DeviceId> candidates(DeviceFilter filter) {
        if (filter.matchesNothing()) {
            return List.of();
        }
        if (filter.isAll()) {
            return ids();
        }
        if (filter.ids().isPresent() && filter.ids().get().size() > MAX_IDS_PER_QUERY) {
            List<DeviceId> all = List.copyOf(filter.ids().get());
            List<DeviceId> out = new ArrayList<>();
            for (int from = 0; from < all.size(); from += MAX_IDS_PER_QUERY) {
                List<DeviceId> part = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY));
                out.addAll(candidatesOnce(new DeviceFilter(Optional.of(Set.copyOf(part)), filter.ouis(),
                        filter.productClasses(), filter.serialNumbers(), filter.manufacturers(), filter.withTags(),
                        filter.withoutTags(), filter.lastInformFrom(), filter.lastInformTo())));
            }
            return out;
        }
        return candidatesOnce(filter);
    }

    private static final int MAX_IDS_PER_QUERY = 500;

    private List<DeviceId> candidatesOnce(DeviceFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT d.oui, d.product_class, d.serial_number FROM ");
        List<Object> args = new ArrayList<>();
        List<String> tags = List.copyOf(filter.withTags());
        if (!tags.isEmpty()) {
            sql.append("cwmp_device_tags t0 JOIN cwmp_devices d ON d.device_id = t0.device_id WHERE t0.tag = ?");
            args.add(tags.get(0));
        } else {
            sql.append("cwmp_devices d WHERE 1 = 1");
        }
        for (String tag : tags.subList(Math.min(1, tags.size()), tags.size())) {
            sql.append(" AND d.device_id IN (SELECT t.device_id FROM cwmp_device_tags t WHERE t.tag = ?)");
            args.add(tag);
        }
        for (String tag : filter.withoutTags()) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM cwmp_device_tags t WHERE t.device_id = d.device_id AND t.tag = ?)");
            args.add(tag);
        }
        in(sql, args, "d.device_id", filter.ids().map(ids -> ids.stream().map(DeviceId::toString).toList()));
        in(sql, args, "d.oui", filter.ouis().map(List::copyOf));
        in(sql, args, "d.product_class", filter.productClasses().map(List::copyOf));
        in(sql, args, "d.serial_number", filter.serialNumbers().map(List::copyOf));
        in(sql, args, "d.manufacturer", filter.manufacturers().map(List::copyOf));
        if (filter.lastInformFrom().isPresent()) {
            sql.append(" AND d.last_inform_ms >= ?");
            args.add(filter.lastInformFrom().get().toEpochMilli());
        }
        if (filter.lastInformTo().isPresent()) {
            sql.append(" AND d.last_inform_ms <= ?");
            args.add(filter.lastInformTo().get().toEpochMilli());
        }
        return db.read("finding devices", c -> {
            List<DeviceId> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Long l) {
                        p.setLong(i + 1, l);
                    } else {
                        p.setString(i + 1, (String) args.get(i));
                    }
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeviceId(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Optional<List<String>> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.get().size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        args.addAll(values.get());
    }

    /** How many devices are stored. */
    public long count() {
        return db.read("counting devices", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM cwmp_devices");
                    ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private record Locked(DeviceRecord record, long version) {
    }

    private Optional<Locked> lock(Connection c, DeviceId id) throws SQLException {
        // The embedded store's writes of devices all hold the writer's lock: no row lock needed (H2
        // writes a locked row, and its undo entry, once more).
        try (PreparedStatement p = c.prepareStatement(groupCommit ? READ_FOR_WRITE : LOCK)) {
            return lock(p, id);
        }
    }

    private static Optional<Locked> lock(PreparedStatement p, DeviceId id) throws SQLException {
        p.setString(1, id.toString());
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(new Locked(record(id, rs), rs.getLong(3))) : Optional.empty();
        }
    }

    private static void insert(Connection c, DeviceRecord r, byte[] tree) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO cwmp_devices (device_id, oui, product_class, "
                + "serial_number, manufacturer, last_inform_ms, record_bin, parameters, row_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            p.setString(1, r.id().toString());
            p.setString(2, r.id().oui());
            p.setString(3, r.id().productClass());
            p.setString(4, r.id().serialNumber());
            p.setString(5, r.manufacturer());
            p.setLong(6, r.lastInform().toEpochMilli());
            p.setBytes(7, RecordCodec.encode(r));
            p.setBytes(8, tree);
            p.executeUpdate();
        }
        DeviceTags.inserted(c, r.id(), r.tags());
    }

    /** The record of a row read as (record_json, record_bin, ...): the blob, or the JSON of older rows. */
    private static DeviceRecord record(DeviceId id, ResultSet rs) throws SQLException {
        byte[] blob = rs.getBytes(2);
        return blob != null ? RecordCodec.decode(id, blob) : JsonCodec.record(id, rs.getString(1));
    }

    private static void checkId(DeviceId id, DeviceRecord record) {
        if (!record.id().equals(id)) {
            throw new IllegalArgumentException("record of " + record.id() + " stored under " + id);
        }
    }
}
