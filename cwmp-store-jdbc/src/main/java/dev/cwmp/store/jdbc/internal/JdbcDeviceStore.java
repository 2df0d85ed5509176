package dev.cwmp.store.jdbc.internal;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link DeviceStore} on JDBC: one row per device, the record as JSON and the parameter tree as a
 * compact blob ({@link TreeCodec}). Every write locks the device's row ({@code SELECT ... FOR UPDATE})
 * in a transaction, so updates of one device apply one after the other on every node; two writers
 * creating the same device collide on the primary key and the loser runs again on the winner's row.
 */
public final class JdbcDeviceStore implements DeviceStore {

    private static final byte[] EMPTY_TREE = TreeCodec.encode(new ParameterTree());

    private final Database db;

    public JdbcDeviceStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<DeviceRecord> record(DeviceId id) {
        return db.read("reading device " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT record_json FROM cwmp_devices WHERE device_id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(JsonCodec.record(id, rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<ParameterTree> parameters(DeviceId id) {
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
        return db.inTransaction("updating device " + id, c -> {
            Optional<Locked> stored = lock(c, id);
            Optional<DeviceRecord> next = change.apply(stored.map(Locked::record));
            if (next.isEmpty()) {
                return stored.map(Locked::record);
            }
            checkId(id, next.get());
            if (stored.isPresent()) {
                try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_devices SET manufacturer = ?, "
                        + "last_inform_ms = ?, record_json = ?, row_version = row_version + 1 WHERE device_id = ?")) {
                    p.setString(1, next.get().manufacturer());
                    p.setLong(2, next.get().lastInform().toEpochMilli());
                    p.setString(3, JsonCodec.record(next.get()));
                    p.setString(4, id.toString());
                    p.executeUpdate();
                }
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
        db.inTransaction("saving the session of " + id, c -> {
            Optional<Locked> stored = lock(c, id);
            DeviceRecord next = recordChange.apply(stored.isPresent() ? stored.get().record() : ifAbsent);
            checkId(id, next);
            if (stored.isPresent()) {
                try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_devices SET manufacturer = ?, "
                        + "last_inform_ms = ?, record_json = ?, parameters = ?, row_version = row_version + 1 "
                        + "WHERE device_id = ?")) {
                    p.setString(1, next.manufacturer());
                    p.setLong(2, next.lastInform().toEpochMilli());
                    p.setString(3, JsonCodec.record(next));
                    p.setBytes(4, tree);
                    p.setString(5, id.toString());
                    p.executeUpdate();
                }
            } else {
                insert(c, next, tree);
            }
            return null;
        });
    }

    @Override
    public boolean delete(DeviceId id) {
        return db.inTransaction("deleting device " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_devices WHERE device_id = ?")) {
                p.setString(1, id.toString());
                return p.executeUpdate() > 0;
            }
        });
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

    private static Optional<Locked> lock(Connection c, DeviceId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT record_json, row_version FROM cwmp_devices WHERE device_id = ? FOR UPDATE")) {
            p.setString(1, id.toString());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Locked(JsonCodec.record(id, rs.getString(1)), rs.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, DeviceRecord r, byte[] tree) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO cwmp_devices (device_id, oui, product_class, "
                + "serial_number, manufacturer, last_inform_ms, record_json, parameters, row_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            p.setString(1, r.id().toString());
            p.setString(2, r.id().oui());
            p.setString(3, r.id().productClass());
            p.setString(4, r.id().serialNumber());
            p.setString(5, r.manufacturer());
            p.setLong(6, r.lastInform().toEpochMilli());
            p.setString(7, JsonCodec.record(r));
            p.setBytes(8, tree);
            p.executeUpdate();
        }
    }

    private static void checkId(DeviceId id, DeviceRecord record) {
        if (!record.id().equals(id)) {
            throw new IllegalArgumentException("record of " + record.id() + " stored under " + id);
        }
    }
}
