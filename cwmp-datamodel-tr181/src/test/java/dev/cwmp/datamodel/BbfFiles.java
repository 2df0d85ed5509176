package dev.cwmp.datamodel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only reference material (the system property {@code cwmp.shared.dir}); tests skip without it. */
final class BbfFiles {

    static final String TR181_XML = "tr-181-2-17-0-cwmp-full.xml";
    static final String TR098_XML = "tr-098-1-8-0-full.xml";

    private BbfFiles() {
    }

    static Path sharedDir() {
        return Path.of(System.getProperty("cwmp.shared.dir", "../../shared"));
    }

    /** The directory of the Broadband Forum XML; skips the test when it is absent. */
    static Path bbfDir() {
        Path dir = sharedDir().resolve("bbf");
        assumeTrue(Files.isRegularFile(dir.resolve(TR181_XML)) && Files.isRegularFile(dir.resolve(TR098_XML)),
                "Broadband Forum XML not found in " + dir.toAbsolutePath() + " (set cwmp.shared.dir): skipped");
        return dir;
    }

    /** The directory of the device dumps; skips the test when it is absent. */
    static Path devicesDir() {
        Path dir = sharedDir().resolve("devices");
        assumeTrue(Files.isDirectory(dir),
                "device dumps not found in " + dir.toAbsolutePath() + " (set cwmp.shared.dir): skipped");
        return dir;
    }
}
