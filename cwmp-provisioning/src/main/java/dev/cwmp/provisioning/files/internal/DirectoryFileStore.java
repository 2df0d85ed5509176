package dev.cwmp.provisioning.files.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FileStore#directory(Path)}: the content under the file's name, its metadata as JSON in
 * {@code .meta/<name>}, uploads streamed to {@code .tmp/} and moved into place. A lock per name
 * (striped) makes the two moves of a put, and the two opens of a read, one step for this process;
 * one process per directory.
 */
public final class DirectoryFileStore implements FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFileStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final int STRIPES = 64;

    private final Path dir;
    private final Path metaDir;
    private final Path tmpDir;
    private final InstantSource clock;
    private final ReadWriteLock[] locks = new ReadWriteLock[STRIPES];

    public DirectoryFileStore(Path dir, InstantSource clock) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.metaDir = this.dir.resolve(".meta");
        this.tmpDir = this.dir.resolve(".tmp");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
        try {
            Files.createDirectories(metaDir);
            Files.createDirectories(tmpDir);
            // Uploads a stopped process left half-written.
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(tmpDir, "*.part")) {
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file store in " + this.dir, e);
        }
    }

    private ReadWriteLock lock(String name) {
        return locks[Math.floorMod(name.hashCode(), STRIPES)];
    }

    private Path contentPath(String name) {
        Path p = dir.resolve(name);
        if (!p.getParent().equals(dir)) {
            throw new IllegalArgumentException("file name leaves the store: " + name);
        }
        return p;
    }

    private Path metadataPath(String name) {
        return metaDir.resolve(name);
    }

    @Override
    public FileMetadata put(String name, FileInfo info, InputStream content, long maxBytes) throws IOException {
        FileStore.checkName(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(content, "content");
        Path target = contentPath(name);
        Path tmpContent = Files.createTempFile(tmpDir, "upload-", ".part");
        Path tmpMeta = null;
        boolean done = false;
        try {
            Digests.Copied copied;
            try (OutputStream out = Files.newOutputStream(tmpContent)) {
                copied = Digests.copy(name, content, out, maxBytes);
            }
            FileMetadata metadata = FileMetadata.of(name, info, copied.length(), copied.sha256(), clock.instant());
            tmpMeta = Files.createTempFile(tmpDir, "meta-", ".part");
            Files.write(tmpMeta, JSON.writeValueAsBytes(toJson(metadata)));
            ReadWriteLock lock = lock(name);
            lock.writeLock().lock();
            try {
                move(tmpContent, target);
                move(tmpMeta, metadataPath(name));
            } finally {
                lock.writeLock().unlock();
            }
            done = true;
            return metadata;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmpContent);
                if (tmpMeta != null) {
                    Files.deleteIfExists(tmpMeta);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ObjectNode toJson(FileMetadata m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", m.name());
        node.put("fileType", m.fileType());
        node.put("oui", m.oui());
        node.put("productClass", m.productClass());
        node.put("version", m.version());
        node.put("length", m.length());
        node.put("sha256", m.sha256());
        node.put("uploaded", m.uploaded().toString());
        return node;
    }

    private static FileMetadata fromJson(String name, byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.isObject() || !name.equals(node.path("name").asText())) {
            throw new IOException("metadata of '" + name + "' is not a metadata object for that name");
        }
        try {
            return new FileMetadata(name, node.path("fileType").asText(""), node.path("oui").asText(""),
                    node.path("productClass").asText(""), node.path("version").asText(""),
                    node.path("length").asLong(-1), node.path("sha256").asText(""),
                    Instant.parse(node.path("uploaded").asText("")));
        } catch (RuntimeException e) {
            throw new IOException("metadata of '" + name + "' is invalid: " + e.getMessage(), e);
        }
    }

    private Optional<FileMetadata> readMetadata(String name) throws IOException {
        Path p = metadataPath(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_METADATA_BYTES) {
            throw new IOException("metadata of '" + name + "' is larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return Optional.of(fromJson(name, bytes));
    }

    private static boolean valid(String name) {
        try {
            FileStore.checkName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Optional<FileMetadata> metadata(String name) {
        if (!valid(name)) {
            return Optional.empty();
        }
        ReadWriteLock lock = lock(name);
        lock.readLock().lock();
        try {
            return readMetadata(name);
        } catch (IOException e) {
            LOG.warn("file store {}: {}", dir, e.getMessage());
            return Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<InputStream> open(String name) throws IOException {
        return openFile(name).map(StoredFile::content);
    }

    @Override
    public Optional<StoredFile> openFile(String name) throws IOException {
        if (!valid(name)) {
            return Optional.empty();
        }
        ReadWriteLock lock = lock(name);
        lock.readLock().lock();
        try {
            Optional<FileMetadata> metadata = readMetadata(name);
            if (metadata.isEmpty()) {
                return Optional.empty();
            }
            try {
                // Once open, the stream reads this version even if a put replaces the file.
                return Optional.of(new StoredFile(metadata.get(), Files.newInputStream(contentPath(name))));
            } catch (NoSuchFileException e) {
                throw new IOException("the content of '" + name + "' is missing from " + dir, e);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<FileMetadata> list() {
        List<FileMetadata> all = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(metaDir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (valid(name)) {
                    metadata(name).ifPresent(all::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + metaDir, e);
        }
        all.sort(Comparator.comparing(FileMetadata::name));
        return all;
    }

    @Override
    public boolean delete(String name) throws IOException {
        FileStore.checkName(name);
        ReadWriteLock lock = lock(name);
        lock.writeLock().lock();
        try {
            boolean existed = Files.deleteIfExists(metadataPath(name));
            Files.deleteIfExists(contentPath(name));
            return existed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "FileStore[" + dir + "]";
    }
}
