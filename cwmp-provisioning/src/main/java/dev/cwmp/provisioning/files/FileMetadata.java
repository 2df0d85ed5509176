package dev.cwmp.provisioning.files;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored file: its name, what it is for ({@link FileInfo}), its length in bytes, the SHA-256 of
 * its content (64 lower-case hex digits; also the file server's ETag) and when it was stored.
 */
public record FileMetadata(String name, String fileType, String oui, String productClass, String version,
        long length, String sha256, Instant uploaded) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the name is not a valid file name
     *     ({@link FileStore#checkName}), the length is negative or the digest is not 64 hex digits
     */
    public FileMetadata {
        FileStore.checkName(name);
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(oui, "oui");
        Objects.requireNonNull(productClass, "productClass");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploaded, "uploaded");
        if (length < 0) {
            throw new IllegalArgumentException("negative length: " + length);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }

    /** The metadata of a file stored under {@code name} with this info, content digest and time. */
    public static FileMetadata of(String name, FileInfo info, long length, String sha256, Instant uploaded) {
        return new FileMetadata(name, info.fileType(), info.oui(), info.productClass(), info.version(), length,
                sha256, uploaded);
    }

    /** What the uploader said the file is for. */
    public FileInfo info() {
        return new FileInfo(fileType, oui, productClass, version);
    }
}
