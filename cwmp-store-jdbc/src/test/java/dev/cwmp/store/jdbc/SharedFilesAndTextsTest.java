package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.FileTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and named texts in the database, as two nodes on it see them: large files in chunks, read
 * as they go and with skips (the file server's ranges), a download that started on a replaced file
 * reads it to its end, the replaced version's chunks deleted after the grace period, nothing left
 * of a refused upload; texts and their version shared by both nodes.
 */
class SharedFilesAndTextsTest {

    private static final FileInfo FIRMWARE = new FileInfo("1 Firmware Upgrade Image", "E48D8C", "RB951Ui-2HnD", "6.49.7");
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    abstract static class Scenario {
        final TestDatabases databases = new TestDatabases();
        final AtomicReference<Instant> now = new AtomicReference<>(T0);
        final InstantSource clock = now::get;

        /** Two stores (two nodes' pools) on one empty database. */
        abstract JdbcStore[] nodes();

        @AfterEach
        void close() {
            databases.close();
        }

        @Test
        void a_file_of_several_chunks_reads_back_whole_and_by_ranges_on_the_other_node() throws IOException {
            JdbcStore[] nodes = nodes();
            byte[] image = randomBytes(700_000, 1);
            FileMetadata stored = nodes[0].fileStore(clock).put("routeros-6.49.7.npk", FIRMWARE,
                    new ByteArrayInputStream(image), 1 << 20);

            FileStore other = nodes[1].fileStore(clock);
            assertThat(other.metadata("routeros-6.49.7.npk")).contains(stored);
            assertThat(stored.length()).isEqualTo(700_000);
            try (InputStream in = other.open("routeros-6.49.7.npk").orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(image);
            }
            for (long from : new long[] {0, 1, 262_143, 262_144, 262_145, 524_288, 699_999}) {
                try (InputStream in = other.open("routeros-6.49.7.npk").orElseThrow()) {
                    assertThat(in.skip(from)).isEqualTo(from);
                    assertThat(in.readNBytes(1000)).as("from %d", from)
                            .isEqualTo(Arrays.copyOfRange(image, (int) from, (int) Math.min(image.length, from + 1000)));
                }
            }
            try (InputStream in = other.open("routeros-6.49.7.npk").orElseThrow()) {
                in.readNBytes(10);
                assertThat(in.skip(1_000_000)).isEqualTo(700_000 - 10);
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        void a_download_started_on_a_replaced_file_reads_it_to_its_end_until_the_grace_period_is_over()
                throws IOException {
            JdbcStore[] nodes = nodes();
            FileStore files = nodes[0].fileStore(clock);
            byte[] first = randomBytes(600_000, 2);
            byte[] second = randomBytes(300_000, 3);
            files.put("image.npk", FIRMWARE, new ByteArrayInputStream(first), 1 << 20);

            InputStream downloading = nodes[1].fileStore(clock).open("image.npk").orElseThrow();
            assertThat(downloading.readNBytes(1000)).isEqualTo(Arrays.copyOf(first, 1000));
            files.put("image.npk", FIRMWARE, new ByteArrayInputStream(second), 1 << 20);
            byte[] rest = downloading.readAllBytes();
            assertThat(rest).isEqualTo(Arrays.copyOfRange(first, 1000, first.length));
            try (InputStream in = files.open("image.npk").orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(second);
            }
            assertThat(chunkRows(nodes[0])).isEqualTo(3 + 2);

            // An hour and a minute later, the next change deletes the replaced version's chunks.
            InputStream late = nodes[1].fileStore(clock).open("image.npk").orElseThrow();
            now.set(T0.plus(Duration.ofMinutes(61)));
            files.put("other.cfg", FileInfo.ofType("3 Vendor Configuration File"), new ByteArrayInputStream(new byte[10]),
                    100);
            assertThat(chunkRows(nodes[0])).isEqualTo(2 + 1);
            assertThat(late.readAllBytes()).isEqualTo(second);

            InputStream gone = files.open("other.cfg").orElseThrow();
            assertThat(files.delete("other.cfg")).isTrue();
            now.set(T0.plus(Duration.ofMinutes(130)));
            assertThat(files.delete("image.npk")).isTrue();
            assertThatThrownBy(gone::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("gone");
            assertThat(chunkRows(nodes[0])).isEqualTo(2);
            now.set(T0.plus(Duration.ofMinutes(200)));
            files.put("last.cfg", FileInfo.none(), new ByteArrayInputStream(new byte[0]), 100);
            assertThat(chunkRows(nodes[0])).isZero();
            assertThat(files.list()).extracting(FileMetadata::name).containsExactly("last.cfg");
        }

        @Test
        void a_refused_or_failing_upload_leaves_no_chunk_behind() throws IOException {
            JdbcStore[] nodes = nodes();
            FileStore files = nodes[0].fileStore(clock);
            assertThatThrownBy(() -> files.put("big.npk", FIRMWARE, new ByteArrayInputStream(new byte[600_000]), 500_000))
                    .isInstanceOf(FileTooLargeException.class);
            InputStream breaking = new InputStream() {
                int left = 300_000;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        throw new IOException("connection reset");
                    }
                    left--;
                    return 7;
                }
            };
            assertThatThrownBy(() -> files.put("broken.npk", FIRMWARE, breaking, 1 << 20))
                    .isInstanceOf(IOException.class).hasMessage("connection reset");
            assertThat(files.list()).isEmpty();
            assertThat(chunkRows(nodes[0])).isZero();
        }

        @Test
        void texts_and_their_version_are_shared_by_the_nodes() {
            JdbcStore[] nodes = nodes();
            StoredTexts provisions = nodes[0].texts("provisions");
            StoredTexts seenByOther = nodes[1].texts("provisions");
            StoredTexts objects = nodes[1].texts("objects");
            long start = seenByOther.version();

            provisions.put("wifi", "declare('Device.WiFi.SSID.1.SSID', null, {value: 'x'});");
            provisions.put("upgrade", "// upgrade");
            objects.put("wan", "{}");
            long afterPuts = seenByOther.version();
            assertThat(afterPuts).isNotEqualTo(start);
            assertThat(seenByOther.all()).containsExactly(Map.entry("upgrade", "// upgrade"),
                    Map.entry("wifi", "declare('Device.WiFi.SSID.1.SSID', null, {value: 'x'});"));
            assertThat(seenByOther.get("wifi")).isPresent();
            assertThat(objects.all()).containsOnlyKeys("wan");

            provisions.put("upgrade", "// upgrade v2");
            assertThat(seenByOther.get("upgrade")).contains("// upgrade v2");
            long afterReplace = seenByOther.version();
            assertThat(afterReplace).isNotEqualTo(afterPuts);
            assertThat(seenByOther.delete("wifi")).isTrue();
            assertThat(provisions.delete("wifi")).isFalse();
            assertThat(provisions.version()).isNotEqualTo(afterReplace);
            assertThat(provisions.all()).containsOnlyKeys("upgrade");
            assertThatThrownBy(() -> provisions.put("k".repeat(1025), "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> nodes[0].texts("")).isInstanceOf(IllegalArgumentException.class);
        }

        private static long chunkRows(JdbcStore store) {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cwmp_file_chunks")) {
                rs.next();
                return rs.getLong(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] randomBytes(int n, long seed) {
            byte[] b = new byte[n];
            new Random(seed).nextBytes(b);
            return b;
        }
    }

    @Nested
    class On_one_h2_file extends Scenario {
        @TempDir
        Path dir;

        @Override
        JdbcStore[] nodes() {
            return new JdbcStore[] {databases.h2ByUrl(dir), databases.h2ByUrl(dir)};
        }
    }

    @Nested
    class On_postgres extends Scenario {
        @Override
        JdbcStore[] nodes() {
            return new JdbcStore[] {databases.emptyPostgres(), databases.postgres()};
        }
    }
}
