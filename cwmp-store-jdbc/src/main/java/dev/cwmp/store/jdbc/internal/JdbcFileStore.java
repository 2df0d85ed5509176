package dev.cwmp.store.jdbc.internal;

import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.FileTooLargeException;
import dev.cwmp.provisioning.files.StoredFile;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FileStore} in the database, for several nodes serving the same files: the metadata in
 * {@code cwmp_files}, the content as chunks of 256 KiB of an immutable version
 * ({@code cwmp_file_chunks}), read one chunk per query as the reader goes (no connection is held
 * while a CPE downloads). An upload writes a new version chunk by chunk, then points the name at it
 * in one transaction; the version it replaced (or a deleted file's) is orphaned and its chunks are
 * deleted an hour later, so a download that started on it reads it to the end. An upload that fails
 * or is refused deletes what it wrote (what a killed process left is orphaned from the start).
 */
public final class JdbcFileStore implements FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcFileStore.class);
    static final int CHUNK_BYTES = 256 * 1024;
    /** How long an orphaned version stays readable for the downloads that started on it. */
    static final Duration ORPHAN_GRACE = Duration.ofHours(1);
    private static final String METADATA_COLUMNS =
            "name, content_id, file_type, oui, product_class, version, length, sha256, uploaded";

    private final Database db;
    private final InstantSource clock;

    public JdbcFileStore(Database db, InstantSource clock) {
        this.db = db;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public FileMetadata put(String name, FileInfo info, InputStream content, long maxBytes) throws IOException {
        FileStore.checkName(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(content, "content");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative bound: " + maxBytes);
        }
        String contentId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        db.inTransaction("starting the upload of " + name, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cwmp_file_contents (content_id, orphaned_ms) VALUES (?, ?)")) {
                p.setString(1, contentId);
                p.setLong(2, started.toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
        boolean stored = false;
        try {
            MessageDigest sha256 = sha256();
            long length = 0;
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int seq = 0; ; seq++) {
                int filled = content.readNBytes(chunk, 0, chunk.length);
                if (filled == 0) {
                    break;
                }
                length += filled;
                if (length > maxBytes) {
                    throw new FileTooLargeException(name, maxBytes);
                }
                sha256.update(chunk, 0, filled);
                writeChunk(contentId, seq, Arrays.copyOf(chunk, filled));
                if (filled < chunk.length) {
                    break;
                }
            }
            FileMetadata metadata = FileMetadata.of(name, info, length, HexFormat.of().formatHex(sha256.digest()),
                    clock.instant());
            publish(metadata, contentId);
            stored = true;
            return metadata;
        } finally {
            if (!stored) {
                discard(contentId);
            }
            sweep();
        }
    }

    private void writeChunk(String contentId, int seq, byte[] data) {
        db.inTransaction("storing a file chunk", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cwmp_file_chunks (content_id, seq, data) VALUES (?, ?, ?)")) {
                p.setString(1, contentId);
                p.setInt(2, seq);
                p.setBytes(3, data);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Points the name at the new version and orphans the one it replaces, in one transaction. */
    private void publish(FileMetadata m, String contentId) {
        db.inTransaction("storing file " + m.name(), c -> {
            Optional<String> previous = lockContentId(c, m.name());
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE cwmp_file_contents SET orphaned_ms = NULL WHERE content_id = ?")) {
                p.setString(1, contentId);
                p.executeUpdate();
            }
            if (previous.isPresent()) {
                orphan(c, previous.get());
                try (PreparedStatement p = c.prepareStatement("UPDATE cwmp_files SET content_id = ?, file_type = ?, "
                        + "oui = ?, product_class = ?, version = ?, length = ?, sha256 = ?, uploaded = ? WHERE name = ?")) {
                    setMetadata(p, 1, contentId, m);
                    p.setString(9, m.name());
                    p.executeUpdate();
                }
            } else {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO cwmp_files (content_id, file_type, oui, "
                        + "product_class, version, length, sha256, uploaded, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    setMetadata(p, 1, contentId, m);
                    p.setString(9, m.name());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void setMetadata(PreparedStatement p, int first, String contentId, FileMetadata m)
            throws SQLException {
        p.setString(first, contentId);
        p.setString(first + 1, m.fileType());
        p.setString(first + 2, m.oui());
        p.setString(first + 3, m.productClass());
        p.setString(first + 4, m.version());
        p.setLong(first + 5, m.length());
        p.setString(first + 6, m.sha256());
        p.setString(first + 7, m.uploaded().toString());
    }

    private static Optional<String> lockContentId(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT content_id FROM cwmp_files WHERE name = ? FOR UPDATE")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void orphan(Connection c, String contentId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE cwmp_file_contents SET orphaned_ms = ? WHERE content_id = ?")) {
            p.setLong(1, clock.instant().toEpochMilli());
            p.setString(2, contentId);
            p.executeUpdate();
        }
    }

    /** Deletes a version no name points at (an upload that failed), chunks first. */
    private void discard(String contentId) {
        try {
            db.inTransaction("discarding an upload", c -> {
                deleteContent(c, contentId);
                return null;
            });
        } catch (RuntimeException e) {
            // Left orphaned since its start: the next sweep after the grace period takes it.
        }
    }

    private static void deleteContent(Connection c, String contentId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_file_chunks WHERE content_id = ?")) {
            p.setString(1, contentId);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_file_contents WHERE content_id = ?")) {
            p.setString(1, contentId);
            p.executeUpdate();
        }
    }

    /**
     * Deletes the versions orphaned longer ago than the grace period. Housekeeping: a failure is
     * logged, never thrown over the outcome of the upload or delete that ran it.
     */
    private void sweep() {
        try {
            sweepOrphans();
        } catch (RuntimeException e) {
            LOG.warn("orphaned file versions not deleted this time: {}", e.getMessage());
        }
    }

    private void sweepOrphans() {
        long before = clock.instant().minus(ORPHAN_GRACE).toEpochMilli();
        List<String> expired = db.read("listing orphaned file versions", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT content_id FROM cwmp_file_contents WHERE orphaned_ms < ?")) {
                p.setLong(1, before);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        for (String id : expired) {
            db.inTransaction("deleting an orphaned file version", c -> {
                deleteContent(c, id);
                return null;
            });
        }
    }

    @Override
    public Optional<FileMetadata> metadata(String name) {
        return row(name).map(Row::metadata);
    }

    @Override
    public Optional<InputStream> open(String name) {
        return row(name).map(r -> new ChunkStream(r.contentId(), r.metadata().length()));
    }

    @Override
    public Optional<StoredFile> openFile(String name) {
        return row(name).map(r -> new StoredFile(r.metadata(), new ChunkStream(r.contentId(), r.metadata().length())));
    }

    private record Row(FileMetadata metadata, String contentId) {
    }

    private Optional<Row> row(String name) {
        try {
            FileStore.checkName(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return db.read("reading file " + name, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT " + METADATA_COLUMNS + " FROM cwmp_files WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new FileMetadata(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), Instant.parse(rs.getString(9))), rs.getString(2));
    }

    @Override
    public List<FileMetadata> list() {
        return db.read("listing files", c -> {
            List<FileMetadata> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + METADATA_COLUMNS + " FROM cwmp_files ORDER BY name");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs).metadata());
                }
            }
            // The database's collation may differ from Java's order of strings.
            out.sort((a, b) -> a.name().compareTo(b.name()));
            return out;
        });
    }

    @Override
    public boolean delete(String name) {
        FileStore.checkName(name);
        boolean deleted = db.inTransaction("deleting file " + name, c -> {
            Optional<String> contentId = lockContentId(c, name);
            if (contentId.isEmpty()) {
                return false;
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM cwmp_files WHERE name = ?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
            orphan(c, contentId.get());
            return true;
        });
        sweep();
        return deleted;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A version's content, one chunk per query. */
    private final class ChunkStream extends InputStream {
        private final String contentId;
        private final long length;
        private long position;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int offset;

        ChunkStream(String contentId, long length) {
            this.contentId = contentId;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            if (offset == chunk.length) {
                chunk = fetch(nextSeq++);
                offset = 0;
            }
            int n = Math.min(len, chunk.length - offset);
            System.arraycopy(chunk, offset, b, off, n);
            offset += n;
            position += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0 || position >= length) {
                return 0;
            }
            long target = Math.min(length, position + n);
            long skipped = target - position;
            long chunkStart = position - offset;
            if (target < chunkStart + chunk.length) {
                offset += (int) skipped;
            } else {
                // Beyond the chunk in hand: the chunks in between are never read.
                nextSeq = (int) (target / CHUNK_BYTES);
                long seqStart = (long) nextSeq * CHUNK_BYTES;
                chunk = new byte[0];
                offset = 0;
                if (target > seqStart) {
                    chunk = fetch(nextSeq++);
                    offset = (int) (target - seqStart);
                }
            }
            position = target;
            return skipped;
        }

        @Override
        public int available() {
            return chunk.length - offset;
        }

        private byte[] fetch(int seq) throws IOException {
            try {
                byte[] data = db.read("reading a file chunk", c -> {
                    try (PreparedStatement p = c.prepareStatement(
                            "SELECT data FROM cwmp_file_chunks WHERE content_id = ? AND seq = ?")) {
                        p.setString(1, contentId);
                        p.setInt(2, seq);
                        try (ResultSet rs = p.executeQuery()) {
                            return rs.next() ? rs.getBytes(1) : null;
                        }
                    }
                });
                if (data == null || data.length == 0) {
                    throw new IOException("the file's content is gone (replaced more than "
                            + ORPHAN_GRACE.toMinutes() + " minutes ago)");
                }
                return data;
            } catch (JdbcStoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
