package dev.cwmp.store.jdbc.internal;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * The {@code cwmp_device_tags} table: one row per tag of each device, written in the transaction
 * that writes the device's record, so that devices with a tag are found by an index. Only the tags
 * that changed are written: a save that changes no tag writes no row of this table.
 */
final class DeviceTags {

    private static final int BATCH = 500;

    private DeviceTags() {
    }

    /** After the record of {@code id} went from tags {@code before} to {@code after}. */
    static void changed(Connection c, DeviceId id, Set<String> before, Set<String> after) throws SQLException {
        if (before.equals(after)) {
            return;
        }
        String device = id.toString();
        boolean removed = false;
        for (String tag : before) {
            if (!after.contains(tag)) {
                removed = true;
                break;
            }
        }
        if (removed) {
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM cwmp_device_tags WHERE device_id = ? AND tag = ?")) {
                for (String tag : before) {
                    if (!after.contains(tag)) {
                        p.setString(1, device);
                        p.setString(2, tag);
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
        }
        insert(c, device, after, before);
    }

    /** After a device was stored for the first time with {@code tags}. */
    static void inserted(Connection c, DeviceId id, Set<String> tags) throws SQLException {
        if (!tags.isEmpty()) {
            insert(c, id.toString(), tags, Set.of());
        }
    }

    /** After a device was deleted. */
    static void deleted(Connection c, DeviceId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_device_tags WHERE device_id = ?")) {
            p.setString(1, id.toString());
            p.executeUpdate();
        }
    }

    private static void insert(Connection c, String device, Set<String> tags, Set<String> except) throws SQLException {
        PreparedStatement p = null;
        try {
            for (String tag : tags) {
                if (except.contains(tag)) {
                    continue;
                }
                if (p == null) {
                    // A row may be there already if a node of an older version deleted the device (it
                    // left its tags): the device's row lock orders its writers, so this cannot race.
                    p = c.prepareStatement("INSERT INTO cwmp_device_tags (device_id, tag) "
                            + "SELECT CAST(? AS VARCHAR(800)), CAST(? AS VARCHAR(128)) WHERE NOT EXISTS "
                            + "(SELECT 1 FROM cwmp_device_tags WHERE device_id = ? AND tag = ?)");
                }
                p.setString(1, device);
                p.setString(2, tag);
                p.setString(3, device);
                p.setString(4, tag);
                p.addBatch();
            }
            if (p != null) {
                p.executeBatch();
            }
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    /**
     * Migration 5: the tags of every device stored before it, from the records (blobs, or JSON in
     * older rows), read as a stream and written in batches, in the migration's transaction.
     */
    static Void backfill(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "SELECT oui, product_class, serial_number, record_json, record_bin FROM cwmp_devices");
                PreparedStatement write = c.prepareStatement(
                        "INSERT INTO cwmp_device_tags (device_id, tag) VALUES (?, ?)")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    DeviceId id = new DeviceId(rs.getString(1), rs.getString(2), rs.getString(3));
                    byte[] blob = rs.getBytes(5);
                    DeviceRecord r = blob != null ? RecordCodec.decode(id, blob) : JsonCodec.record(id, rs.getString(4));
                    for (String tag : r.tags()) {
                        write.setString(1, id.toString());
                        write.setString(2, tag);
                        write.addBatch();
                        if (++pending == BATCH) {
                            write.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        return null;
    }
}
