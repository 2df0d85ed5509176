package dev.cwmp.provisioning.files;

import java.io.IOException;

/** A file given to {@link FileStore#put} was longer than the bound; nothing was stored. */
public final class FileTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    /** The file was longer than {@code maxBytes}. */
    public FileTooLargeException(String name, long maxBytes) {
        super("file '" + name + "' is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The bound the file exceeded. */
    public long maxBytes() {
        return maxBytes;
    }
}
