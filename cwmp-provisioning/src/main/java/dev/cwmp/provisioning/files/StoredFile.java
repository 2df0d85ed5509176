package dev.cwmp.provisioning.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One version of a stored file opened for reading: its metadata and a stream of exactly that
 * content (a concurrent {@link FileStore#put} of the same name does not change what the stream
 * reads). Close it.
 */
public record StoredFile(FileMetadata metadata, InputStream content) implements AutoCloseable {

    /** Checks that neither is null. */
    public StoredFile {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(content, "content");
    }

    /** Closes the content stream. */
    @Override
    public void close() throws IOException {
        content.close();
    }
}
