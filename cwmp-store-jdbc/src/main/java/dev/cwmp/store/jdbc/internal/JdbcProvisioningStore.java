package dev.cwmp.store.jdbc.internal;

import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.DeviceProvisioning;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.StatusSummary;
import dev.cwmp.session.DeviceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link ProvisioningStore} on JDBC: one row per device (the state as JSON, its state in an indexed
 * column so that {@link #summary()} is counted by the database) and one row per fault, kept in step
 * in the same transaction. Updates lock the device's row like the device store does.
 */
public final class JdbcProvisioningStore implements ProvisioningStore {

    private final Database db;

    public JdbcProvisioningStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<DeviceProvisioning> get(DeviceId id) {
        return db.read("reading the provisioning of " + id, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT state_json FROM cwmp_provisioning WHERE device_id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(ProvisioningJson.state(id, rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public DeviceProvisioning update(DeviceId id, UnaryOperator<DeviceProvisioning> change) {
        return db.inTransaction("updating the provisioning of " + id, c -> {
            Optional<DeviceProvisioning> stored = lock(c, id);
            DeviceProvisioning current = stored.orElseGet(() -> DeviceProvisioning.empty(id));
            DeviceProvisioning next = change.apply(current);
            if (!next.deviceId().equals(id)) {
                throw new IllegalArgumentException("provisioning of " + next.deviceId() + " stored under " + id);
            }
            write(c, next, stored.isPresent());
            if (stored.isEmpty() || !current.faults().equals(next.faults())) {
                writeFaults(c, next);
            }
            return next;
        });
    }

    @Override
    public boolean delete(DeviceId id) {
        return db.inTransaction("deleting the provisioning of " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_faults WHERE device_id = ?")) {
                p.setString(1, id.toString());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_provisioning WHERE device_id = ?")) {
                p.setString(1, id.toString());
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<ProvisioningFault> faults() {
        return db.read("listing faults", c -> {
            List<ProvisioningFault> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT device_id, fault_json FROM cwmp_faults");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    DeviceId id = DeviceId.parse(rs.getString(1)).orElseThrow();
                    out.add(ProvisioningJson.fault(id, JsonCodec.read(rs.getString(2))));
                }
            }
            return out;
        });
    }

    @Override
    public boolean clearFault(DeviceId id, String channel) {
        return db.inTransaction("clearing a fault of " + id, c -> {
            Optional<DeviceProvisioning> stored = lock(c, id);
            if (stored.isEmpty() || stored.get().fault(channel).isEmpty()) {
                return false;
            }
            DeviceProvisioning next = stored.get().withoutFault(channel);
            write(c, next, true);
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM cwmp_faults WHERE device_id = ? AND channel = ?")) {
                p.setString(1, id.toString());
                p.setString(2, channel);
                p.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public StatusSummary summary() {
        return db.read("counting configuration states", c -> {
            long configured = 0;
            long pending = 0;
            long faulted = 0;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT state, COUNT(*) FROM cwmp_provisioning GROUP BY state");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    switch (ConfigurationStatus.State.valueOf(rs.getString(1))) {
                        case CONFIGURED -> configured = rs.getLong(2);
                        case PENDING -> pending = rs.getLong(2);
                        case FAULTED -> faulted = rs.getLong(2);
                        default -> throw new IllegalStateException();
                    }
                }
            }
            return new StatusSummary(configured, pending, faulted);
        });
    }

    @Override
    public List<DeviceProvisioning> withState(ConfigurationStatus.State state, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative");
        }
        // Ordered as Java orders the ids' text: binary collation on PostgreSQL (H2 compares like Java).
        String order = db.isPostgres() ? "device_id COLLATE \"C\"" : "device_id";
        return db.read("listing devices by state", c -> {
            List<DeviceProvisioning> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT device_id, state_json FROM cwmp_provisioning "
                    + "WHERE state = ? ORDER BY " + order + " LIMIT ? OFFSET ?")) {
                p.setString(1, state.name());
                p.setInt(2, limit);
                p.setInt(3, offset);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(ProvisioningJson.state(DeviceId.parse(rs.getString(1)).orElseThrow(),
                                rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<DeviceProvisioning> lock(Connection c, DeviceId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT state_json FROM cwmp_provisioning WHERE device_id = ? FOR UPDATE")) {
            p.setString(1, id.toString());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(ProvisioningJson.state(id, rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static void write(Connection c, DeviceProvisioning next, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE cwmp_provisioning SET state = ?, state_json = ? WHERE device_id = ?"
                : "INSERT INTO cwmp_provisioning (state, state_json, device_id) VALUES (?, ?, ?)";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, next.status().state().name());
            p.setString(2, ProvisioningJson.state(next));
            p.setString(3, next.deviceId().toString());
            p.executeUpdate();
        }
    }

    private static void writeFaults(Connection c, DeviceProvisioning next) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_faults WHERE device_id = ?")) {
            p.setString(1, next.deviceId().toString());
            p.executeUpdate();
        }
        if (next.faults().isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO cwmp_faults (device_id, channel, fault_json) VALUES (?, ?, ?)")) {
            for (ProvisioningFault f : next.faults()) {
                p.setString(1, next.deviceId().toString());
                p.setString(2, f.channel());
                p.setString(3, JsonCodec.write(ProvisioningJson.fault(f)));
                p.addBatch();
            }
            p.executeBatch();
        }
    }
}
