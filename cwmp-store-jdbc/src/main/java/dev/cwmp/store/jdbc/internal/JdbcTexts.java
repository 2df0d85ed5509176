package dev.cwmp.store.jdbc.internal;

import dev.cwmp.store.jdbc.StoredTexts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link StoredTexts} in the tables {@code cwmp_texts} and {@code cwmp_text_versions}: every change
 * moves the collection's version in the same transaction, the version's row first (so changes of
 * one collection never deadlock).
 */
public final class JdbcTexts implements StoredTexts {

    /** The longest collection name. */
    public static final int MAX_COLLECTION = 64;
    private static final int MAX_KEY = 1024;

    private final Database db;
    private final String collection;

    public JdbcTexts(Database db, String collection) {
        this.db = db;
        this.collection = Objects.requireNonNull(collection, "collection");
        if (collection.isEmpty() || collection.length() > MAX_COLLECTION) {
            throw new IllegalArgumentException("a collection name has 1 to " + MAX_COLLECTION + " characters");
        }
    }

    @Override
    public Map<String, String> all() {
        return db.read("reading the texts of " + collection, c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT text_key, text_value FROM cwmp_texts WHERE collection = ?")) {
                p.setString(1, collection);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return db.read("reading text " + key + " of " + collection, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT text_value FROM cwmp_texts WHERE collection = ? AND text_key = ?")) {
                p.setString(1, collection);
                p.setString(2, key);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String text) {
        checkKey(key);
        Objects.requireNonNull(text, "text");
        db.inTransaction("storing text " + key + " of " + collection, c -> {
            moveVersion(c);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE cwmp_texts SET text_value = ? WHERE collection = ? AND text_key = ?")) {
                p.setString(1, text);
                p.setString(2, collection);
                p.setString(3, key);
                if (p.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cwmp_texts (collection, text_key, text_value) VALUES (?, ?, ?)")) {
                p.setString(1, collection);
                p.setString(2, key);
                p.setString(3, text);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        return db.inTransaction("deleting text " + key + " of " + collection, c -> {
            moveVersion(c);
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM cwmp_texts WHERE collection = ? AND text_key = ?")) {
                p.setString(1, collection);
                p.setString(2, key);
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
        return db.read("reading the version of " + collection, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT version FROM cwmp_text_versions WHERE collection = ?")) {
                p.setString(1, collection);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Moves the version (creating its row at 1; two creators collide and the loser runs again). */
    private void moveVersion(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE cwmp_text_versions SET version = version + 1 WHERE collection = ?")) {
            p.setString(1, collection);
            if (p.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO cwmp_text_versions (collection, version) VALUES (?, 1)")) {
            p.setString(1, collection);
            p.executeUpdate();
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY) {
            throw new IllegalArgumentException("a key has at most " + MAX_KEY + " characters");
        }
    }
}
