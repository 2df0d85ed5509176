package dev.cwmp.store.jdbc;

import java.util.Map;
import java.util.Optional;

/**
 * Texts by key in one named collection of the database, shared by every node on it (the
 * standalone server keeps its provisions, virtual parameters and objects this way on PostgreSQL).
 * {@link #version()} moves with every change on any node, so a node can tell cheaply that it must
 * read the collection again. Keys are at most 1,024 characters. Thread-safe.
 */
public interface StoredTexts {

    /** Every text of the collection, by key, sorted by key. */
    Map<String, String> all();

    /** The text stored under {@code key}. */
    Optional<String> get(String key);

    /** Stores (or replaces) the text under {@code key}. */
    void put(String key, String text);

    /** Removes the text under {@code key}; whether there was one. */
    boolean delete(String key);

    /** A number that changes whenever a text of this collection changes, on any node. */
    long version();
}
