package dev.cwmp.provisioning.files.internal;

import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FileStore#inMemory()}: each file one byte array, replaced as a whole. */
public final class InMemoryFileStore implements FileStore {

    /** Arrays cannot be longer than this. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private record Entry(FileMetadata metadata, byte[] content) {
    }

    private final InstantSource clock;
    private final ConcurrentHashMap<String, Entry> files = new ConcurrentHashMap<>();

    public InMemoryFileStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public FileMetadata put(String name, FileInfo info, InputStream content, long maxBytes) throws IOException {
        FileStore.checkName(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(content, "content");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Digests.Copied copied = Digests.copy(name, content, buffer, Math.min(maxBytes, MAX_ARRAY));
        FileMetadata metadata = FileMetadata.of(name, info, copied.length(), copied.sha256(), clock.instant());
        files.put(name, new Entry(metadata, buffer.toByteArray()));
        return metadata;
    }

    private Optional<Entry> entry(String name) {
        try {
            FileStore.checkName(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.get(name));
    }

    @Override
    public Optional<FileMetadata> metadata(String name) {
        return entry(name).map(Entry::metadata);
    }

    @Override
    public Optional<InputStream> open(String name) {
        return entry(name).map(e -> new ByteArrayInputStream(e.content()));
    }

    @Override
    public Optional<StoredFile> openFile(String name) {
        return entry(name).map(e -> new StoredFile(e.metadata(), new ByteArrayInputStream(e.content())));
    }

    @Override
    public List<FileMetadata> list() {
        return files.values().stream().map(Entry::metadata).sorted(Comparator.comparing(FileMetadata::name)).toList();
    }

    @Override
    public boolean delete(String name) {
        FileStore.checkName(name);
        return files.remove(name) != null;
    }
}
