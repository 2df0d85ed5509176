package dev.cwmp.server.internal;

import dev.cwmp.server.AcsServerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The server's data directory: {@code db/} (the embedded database, absent when the state is in a
 * database server), {@code files/} (the file store), {@code provisions/} and
 * {@code virtual-parameters/} (scripts),
 * {@code load.log} (what the server loaded, one line each), {@code seeded} (present once the
 * zero-touch presets were loaded, so that presets the operator deletes stay deleted). Held with a
 * file lock so that two servers never share it.
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory when missing and locks it. */
    public static DataDirectory open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root.resolve("files"));
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new AcsServerException("the data directory " + root + " is in use by another server");
            }
            return new DataDirectory(root, channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new AcsServerException("the data directory " + root + " is in use by another server in this JVM");
        } catch (IOException e) {
            throw new AcsServerException("cannot use the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** The directory. */
    public Path root() {
        return root;
    }

    /** Where the file store keeps the files. */
    public Path files() {
        return root.resolve("files");
    }

    /** Where the embedded database lives (created by the store when it opens). */
    public Path database() {
        return root.resolve("db");
    }

    /** Whether the zero-touch presets were loaded in an earlier start. */
    public boolean seeded() {
        return Files.exists(root.resolve("seeded"));
    }

    /** Remembers that the zero-touch presets were loaded. */
    public void markSeeded(Instant when, String what) {
        write(root.resolve("seeded"), when + " " + what + "\n", false);
    }

    /** Appends a line to {@code load.log}. */
    public void logLoaded(Instant when, String what) {
        write(root.resolve("load.log"), when + " " + what + "\n", true);
    }

    private static void write(Path file, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
