package dev.cwmp.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Texts kept one per file in a directory, named by the SHA-256 of their key (any key is safe as a
 * file name); each write goes to a temporary file first and is moved into place, so a crash leaves
 * the old text or the new one.
 */
final class TextDirectory {

    private final Path dir;
    private final String extension;

    TextDirectory(Path dir, String extension) {
        this.dir = dir;
        this.extension = extension;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Every stored text. */
    List<String> readAll() {
        List<String> texts = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + extension)) {
            for (Path file : files) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return texts;
    }

    void write(String key, String text) {
        Path target = fileOf(key);
        Path temporary = dir.resolve(target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the file of " + key, e);
        }
    }

    private Path fileOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + extension);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
