package dev.cwmp.provisioning.files.internal;

import dev.cwmp.provisioning.files.FileTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copying an upload while computing its SHA-256 and enforcing its bound. */
final class Digests {

    private static final int BUFFER = 64 * 1024;

    private Digests() {
    }

    /** The length and the lower-case hex SHA-256 of what was copied. */
    record Copied(long length, String sha256) {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Copies {@code in} to {@code out} to its end.
     *
     * @throws FileTooLargeException as soon as more than {@code maxBytes} have been read
     */
    static Copied copy(String name, InputStream in, OutputStream out, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative maxBytes: " + maxBytes);
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new FileTooLargeException(name, maxBytes);
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return new Copied(total, HexFormat.of().formatHex(digest.digest()));
    }
}
