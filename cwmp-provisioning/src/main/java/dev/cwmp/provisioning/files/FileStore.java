package dev.cwmp.provisioning.files;

import dev.cwmp.provisioning.files.internal.DirectoryFileStore;
import dev.cwmp.provisioning.files.internal.InMemoryFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the files served to CPEs live (firmware images, configuration files), with their
 * {@link FileMetadata}. An SPI: {@link #directory(Path)} is the default, {@link #inMemory()} is for
 * tests; other implementations pass {@code dev.cwmp.provisioning.contract.FileStoreContract}.
 * Implementations are thread-safe.
 *
 * <p>File names are one path segment: not empty, at most 255 UTF-8 bytes, no {@code /}, no
 * {@code \}, no {@code ..}, no control characters, not starting with {@code .}
 * ({@link #checkName}).
 */
public interface FileStore {

    /** The longest file name, in UTF-8 bytes. */
    int MAX_NAME_BYTES = 255;

    /**
     * Stores {@code content} (read to its end, not closed) under {@code name}, replacing the file of
     * that name if any; readers see the old file or the new one, never a mix. The SHA-256 and the
     * length are computed while reading.
     *
     * @throws IllegalArgumentException when the name is invalid or {@code maxBytes} is negative
     * @throws FileTooLargeException when the content is longer than {@code maxBytes}: nothing is
     *     stored and nothing is left behind (the old file, if any, stays)
     * @throws IOException when reading the content or storing it fails (nothing is left behind)
     */
    FileMetadata put(String name, FileInfo info, InputStream content, long maxBytes) throws IOException;

    /** The metadata of a file, or empty when there is no such file (or the name is invalid). */
    Optional<FileMetadata> metadata(String name);

    /** The full content of a file (the caller closes it), or empty when there is no such file. */
    Optional<InputStream> open(String name) throws IOException;

    /**
     * A file's metadata and content, of the same version even while another thread replaces the
     * file; empty when there is no such file. The default reads them one after the other: stores
     * that can replace files override it.
     */
    default Optional<StoredFile> openFile(String name) throws IOException {
        Optional<FileMetadata> metadata = metadata(name);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputStream> content = open(name);
        return content.map(in -> new StoredFile(metadata.get(), in));
    }

    /** Every file's metadata, by name. */
    List<FileMetadata> list();

    /** Deletes a file; false when there was none. */
    boolean delete(String name) throws IOException;

    /**
     * Files in a directory (created if missing): the content under the file's name, the metadata as
     * JSON in {@code .meta/<name>}, uploads written to {@code .tmp/} first and moved into place
     * (what a stopped process left there is deleted when a store opens the directory). One process
     * per directory. Timestamps from the system clock.
     */
    static FileStore directory(Path dir) {
        return directory(dir, InstantSource.system());
    }

    /** {@link #directory(Path)} with timestamps from {@code clock}. */
    static FileStore directory(Path dir, InstantSource clock) {
        return new DirectoryFileStore(dir, clock);
    }

    /** Files in memory (timestamps from the system clock). */
    static FileStore inMemory() {
        return inMemory(InstantSource.system());
    }

    /** Files in memory, with timestamps from {@code clock}. */
    static FileStore inMemory(InstantSource clock) {
        return new InMemoryFileStore(clock);
    }

    /**
     * Checks a file name and returns it.
     *
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a file name must not be empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("file name longer than " + MAX_NAME_BYTES + " bytes");
        }
        if (name.contains("..")) {
            throw new IllegalArgumentException("file name must not contain '..': " + name);
        }
        if (name.startsWith(".")) {
            throw new IllegalArgumentException("file name must not start with '.': " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw new IllegalArgumentException("file name must be one path segment (no '/' or '\\'): " + name);
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("file name must not contain control characters (at "
                        + i + ")");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                throw new IllegalArgumentException("file name is not valid Unicode (at " + i + ")");
            }
        }
        return name;
    }
}
