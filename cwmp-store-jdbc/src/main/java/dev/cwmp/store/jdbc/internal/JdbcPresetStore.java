package dev.cwmp.store.jdbc.internal;

import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.PresetStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link PresetStore} on JDBC: one row per preset in GenieACS preset JSON ({@link PresetJson}), and
 * a one-row counter moved in the same transaction as every change, so every node sees the version move.
 */
public final class JdbcPresetStore implements PresetStore {

    private final Database db;

    public JdbcPresetStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Preset> all() {
        return db.read("reading presets", c -> {
            List<Preset> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT preset_json FROM cwmp_presets ORDER BY name");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(PresetJson.read(rs.getString(1)));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Preset> get(String name) {
        return db.read("reading preset " + name, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT preset_json FROM cwmp_presets WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(PresetJson.read(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(Preset preset) {
        String json = PresetJson.write(preset);
        db.inTransaction("storing preset " + preset.name(), c -> {
            bumpVersion(c);
            try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_presets SET preset_json = ? WHERE name = ?")) {
                p.setString(1, json);
                p.setString(2, preset.name());
                if (p.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cwmp_presets (name, preset_json) VALUES (?, ?)")) {
                p.setString(1, preset.name());
                p.setString(2, json);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String name) {
        return db.inTransaction("deleting preset " + name, c -> {
            // The counter's row first: every change takes the same lock first, so changes cannot deadlock.
            bumpVersion(c);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_presets WHERE name = ?")) {
                p.setString(1, name);
                if (p.executeUpdate() > 0) {
                    return true;
                }
            }
            c.rollback();
            return false;
        });
    }

    @Override
    public long version() {
        return db.read("reading the preset version", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT version FROM cwmp_preset_version WHERE id = 1");
                    ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void bumpVersion(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE cwmp_preset_version SET version = version + 1 WHERE id = 1")) {
            p.executeUpdate();
        }
    }
}
