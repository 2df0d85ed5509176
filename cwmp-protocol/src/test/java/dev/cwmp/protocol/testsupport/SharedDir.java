package dev.cwmp.protocol.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the read-only reference material ({@code ../shared}) through the system property
 * {@code cwmp.shared.dir}, which surefire sets. Tests that need it skip where it is absent.
 */
public final class SharedDir {

    /** The system property that names the shared directory. */
    public static final String PROPERTY = "cwmp.shared.dir";

    private SharedDir() {}

    /** The shared directory, if the property names an existing directory. */
    public static Optional<Path> find() {
        String value = System.getProperty(PROPERTY, "");
        if (value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * The sub-directory {@code relative} of the shared directory; skips the calling test (JUnit
     * assumption) with a message saying what is missing when it is absent.
     */
    public static Path require(String relative) {
        Optional<Path> shared = find();
        assumeTrue(shared.isPresent(),
                () -> "skipped: the shared reference directory is absent (system property " + PROPERTY + "="
                        + System.getProperty(PROPERTY) + "); CI provides it at ../shared");
        Path dir = shared.get().resolve(relative);
        assumeTrue(Files.exists(dir), () -> "skipped: " + dir + " is absent from the shared directory");
        return dir;
    }
}
