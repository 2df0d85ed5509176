package dev.cwmp.provisioning.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.FileTooLargeException;
import dev.cwmp.provisioning.files.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link FileStore}: every implementation runs it by extending this class and
 * returning a fresh, empty store from {@link #newStore(InstantSource)}.
 */
public abstract class FileStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final FileInfo FIRMWARE = new FileInfo("1 Firmware Upgrade Image", "E48D8C", "RB951Ui-2HnD",
            "6.49.7");
    private static final long MAX = 1 << 20;

    protected FileStore store;

    /** A fresh, empty store whose upload times come from {@code clock}. */
    protected abstract FileStore newStore(InstantSource clock);

    /** Takes a fresh instance before each test. */
    @BeforeEach
    public void create() {
        store = newStore(InstantSource.fixed(T0));
    }

    /** Deletes what the tests stored. */
    @AfterEach
    public void deleteAll() throws IOException {
        if (store != null) {
            for (FileMetadata m : store.list()) {
                store.delete(m.name());
            }
        }
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String content(String name) throws IOException {
        try (InputStream in = store.open(name).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void an_empty_store_has_no_file() throws IOException {
        assertThat(store.list()).isEmpty();
        assertThat(store.metadata("missing.bin")).isEmpty();
        assertThat(store.open("missing.bin")).isEmpty();
        assertThat(store.openFile("missing.bin")).isEmpty();
        assertThat(store.delete("missing.bin")).isFalse();
    }

    @Test
    public void put_stores_the_content_with_its_length_sha256_info_and_time() throws IOException {
        FileMetadata stored = store.put("routeros-mipsbe-6.49.7.npk", FIRMWARE, bytes("hello"), MAX);

        assertThat(stored).isEqualTo(new FileMetadata("routeros-mipsbe-6.49.7.npk", "1 Firmware Upgrade Image",
                "E48D8C", "RB951Ui-2HnD", "6.49.7", 5,
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", T0));
        assertThat(stored.info()).isEqualTo(FIRMWARE);
        assertThat(store.metadata("routeros-mipsbe-6.49.7.npk")).contains(stored);
        assertThat(content("routeros-mipsbe-6.49.7.npk")).isEqualTo("hello");
        assertThat(store.list()).containsExactly(stored);
    }

    @Test
    public void open_file_gives_the_metadata_with_the_content() throws IOException {
        FileMetadata stored = store.put("a.xml", FileInfo.none(), bytes("<list/>"), MAX);
        try (StoredFile file = store.openFile("a.xml").orElseThrow()) {
            assertThat(file.metadata()).isEqualTo(stored);
            assertThat(file.content().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("<list/>");
        }
    }

    @Test
    public void put_replaces_the_file_of_the_same_name() throws IOException {
        store.put("config.alter", FileInfo.ofType("3 Vendor Configuration File"), bytes("old"), MAX);
        FileMetadata replaced = store.put("config.alter", FileInfo.none(), bytes("newer"), MAX);

        assertThat(content("config.alter")).isEqualTo("newer");
        assertThat(store.metadata("config.alter")).contains(replaced);
        assertThat(replaced.length()).isEqualTo(5);
        assertThat(replaced.fileType()).isEmpty();
        assertThat(store.list()).hasSize(1);
    }

    @Test
    public void list_is_sorted_by_name_and_delete_removes_one_file() throws IOException {
        store.put("b.npk", FileInfo.none(), bytes("b"), MAX);
        store.put("a.npk", FileInfo.none(), bytes("a"), MAX);
        store.put("c.npk", FileInfo.none(), bytes("c"), MAX);

        assertThat(store.list()).extracting(FileMetadata::name).containsExactly("a.npk", "b.npk", "c.npk");
        assertThat(store.delete("b.npk")).isTrue();
        assertThat(store.delete("b.npk")).isFalse();
        assertThat(store.list()).extracting(FileMetadata::name).containsExactly("a.npk", "c.npk");
        assertThat(store.open("b.npk")).isEmpty();
    }

    @Test
    public void an_empty_file_is_a_file() throws IOException {
        FileMetadata empty = store.put("empty.txt", FileInfo.none(), bytes(""), MAX);
        assertThat(empty.length()).isZero();
        assertThat(empty.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(content("empty.txt")).isEmpty();
    }

    @Test
    public void a_file_of_exactly_the_bound_is_stored() throws IOException {
        FileMetadata stored = store.put("ten.bin", FileInfo.none(), bytes("0123456789"), 10);
        assertThat(stored.length()).isEqualTo(10);
    }

    @Test
    public void a_file_over_the_bound_is_refused_and_the_old_file_stays() throws IOException {
        FileMetadata old = store.put("big.bin", FileInfo.none(), bytes("small"), MAX);
        assertThatThrownBy(() -> store.put("big.bin", FileInfo.none(), bytes("0123456789A"), 10))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessageContaining("10 bytes")
                .satisfies(e -> assertThat(((FileTooLargeException) e).maxBytes()).isEqualTo(10));
        assertThatThrownBy(() -> store.put("other.bin", FileInfo.none(), bytes("0123456789A"), 10))
                .isInstanceOf(FileTooLargeException.class);

        assertThat(store.metadata("big.bin")).contains(old);
        assertThat(content("big.bin")).isEqualTo("small");
        assertThat(store.metadata("other.bin")).isEmpty();
        assertThat(store.list()).containsExactly(old);
    }

    @Test
    public void a_failing_upload_stores_nothing() {
        InputStream broken = new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.put("broken.bin", FileInfo.none(), broken, MAX))
                .isInstanceOf(IOException.class).hasMessageContaining("connection reset");
        assertThat(store.metadata("broken.bin")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    public void names_that_could_leave_the_store_or_are_not_one_segment_are_refused() {
        for (String bad : List.of("", ".", "..", "../etc/passwd", "a/../../b", "a/b", "a\\b", "..\\x", ".hidden",
                "a\u0000b", "line\nbreak", "tab\there", "x".repeat(256), "\u00e9".repeat(128))) {
            assertThatThrownBy(() -> store.put(bad, FileInfo.none(), bytes("x"), MAX))
                    .as("name %s", bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
            assertThat(store.metadata(bad)).as("name %s", bad).isEmpty();
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    public void names_with_spaces_unicode_and_255_bytes_are_fine() throws IOException {
        for (String good : List.of("RouterOS 6.49.7 (stable).xml", "firmware-\u00fc\u20ac.bin", "x".repeat(255),
                "%41+plus&amp.bin")) {
            store.put(good, FileInfo.none(), bytes(good), MAX);
            assertThat(content(good)).isEqualTo(good);
        }
        assertThat(store.list()).hasSize(4);
    }

    @Test
    public void a_negative_bound_is_refused() {
        assertThatThrownBy(() -> store.put("a.bin", FileInfo.none(), bytes("a"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void readers_see_a_whole_version_while_a_writer_replaces_the_file() throws Exception {
        byte[] a = "A".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        byte[] b = "B".repeat(30_000).getBytes(StandardCharsets.US_ASCII);
        store.put("flip.bin", FileInfo.none(), new ByteArrayInputStream(a), MAX);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    store.put("flip.bin", FileInfo.none(), new ByteArrayInputStream(i % 2 == 0 ? b : a), MAX);
                }
                stop.set(true);
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (!stop.get() || reads == 0) {
                        Optional<StoredFile> opened = store.openFile("flip.bin");
                        try (StoredFile file = opened.orElseThrow()) {
                            byte[] data = file.content().readAllBytes();
                            assertThat(data.length).isEqualTo(file.metadata().length());
                            assertThat(sha256(data)).isEqualTo(file.metadata().sha256());
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list()).singleElement().satisfies(m -> assertThat(m.length()).isEqualTo(a.length));
    }
}
