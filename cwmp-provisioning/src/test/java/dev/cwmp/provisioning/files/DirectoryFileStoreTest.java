package dev.cwmp.provisioning.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.contract.FileStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileStoreTest extends FileStoreContract {

    @TempDir
    Path dir;

    @Override
    protected FileStore newStore(InstantSource clock) {
        return FileStore.directory(dir.resolve("files"), clock);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> everything() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void the_content_and_a_json_sidecar_are_all_that_is_left_on_disk() throws IOException {
        store.put("upgrade.xml", FileInfo.ofType("1 Firmware Upgrade Image"), bytes("<list/>"), 100);

        assertThat(everything()).containsExactly(Path.of("files/.meta/upgrade.xml"), Path.of("files/upgrade.xml"));
        assertThat(Files.readString(dir.resolve("files/upgrade.xml"))).isEqualTo("<list/>");
        assertThat(Files.readString(dir.resolve("files/.meta/upgrade.xml")))
                .contains("\"fileType\":\"1 Firmware Upgrade Image\"").contains("\"length\":7");
    }

    @Test
    void an_oversized_or_failed_upload_leaves_no_temporary_file() throws IOException {
        assertThatThrownBy(() -> store.put("big.bin", FileInfo.none(), bytes("x".repeat(200_000)), 100_000))
                .isInstanceOf(FileTooLargeException.class);
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("gone");
            }
        };
        assertThatThrownBy(() -> store.put("failed.bin", FileInfo.none(), failing, 100))
                .isInstanceOf(IOException.class);

        assertThat(everything()).isEmpty();
    }

    @Test
    void a_new_store_on_the_same_directory_finds_the_files() throws IOException {
        FileMetadata stored = store.put("routeros-mipsbe-6.49.7.npk",
                new FileInfo("1 Firmware Upgrade Image", "E48D8C", "", "6.49.7"), bytes("npk"), 100);

        FileStore reopened = FileStore.directory(dir.resolve("files"), InstantSource.fixed(Instant.EPOCH));
        assertThat(reopened.list()).containsExactly(stored);
        try (InputStream in = reopened.open("routeros-mipsbe-6.49.7.npk").orElseThrow()) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("npk");
        }
    }

    @Test
    void a_traversal_name_reaches_no_file_outside_the_directory() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createDirectories(dir.resolve("files/.meta"));
        assertThat(store.metadata("../secret.txt")).isEmpty();
        assertThat(store.open("../secret.txt")).isEmpty();
        assertThatThrownBy(() -> store.delete("../secret.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("../secret.txt", FileInfo.none(), bytes("x"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(dir.resolve("secret.txt"))).isEqualTo("secret");
    }

    @Test
    void a_new_store_deletes_uploads_a_stopped_process_left_half_written() throws IOException {
        Files.writeString(dir.resolve("files/.tmp/upload-123.part"), "half");
        FileStore.directory(dir.resolve("files"));
        assertThat(everything()).isEmpty();
    }

    @Test
    void a_content_file_without_metadata_is_not_a_stored_file() throws IOException {
        Files.writeString(dir.resolve("files/stray.bin"), "stray");
        assertThat(store.list()).isEmpty();
        assertThat(store.open("stray.bin")).isEmpty();
    }
}
