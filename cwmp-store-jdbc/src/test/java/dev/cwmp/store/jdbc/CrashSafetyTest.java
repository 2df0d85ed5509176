package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.Task;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of sessions under load ({@link CrashChild} in a child JVM on an H2 file),
 * reopen the store: every task queued is done (the CPE answered it) or still queued, and every device
 * reads back whole (its record and its tree, which a session saves together).
 */
class CrashSafetyTest {

    private static final int SESSIONS_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    @Test
    void a_store_killed_mid_load_reopens_with_every_task_done_or_queued_and_no_torn_device() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("tasks.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashChild.class.getName(), data.toString(),
                log.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        try {
            CompletableFuture<Boolean> loaded = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals("sessions=" + SESSIONS_BEFORE_KILL)) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(loaded.get(180, TimeUnit.SECONDS))
                    .as("the child ran %d sessions (stderr: %s)", SESSIONS_BEFORE_KILL, dir.resolve("child.err"))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }

        List<String> lines = Files.readAllLines(log);
        Set<String> added = ids(lines, "ADDED ");
        Set<String> removing = ids(lines, "REMOVING ");
        assertThat(added).hasSizeGreaterThanOrEqualTo(SESSIONS_BEFORE_KILL);
        assertThat(removing).isNotEmpty();

        try (JdbcStore store = JdbcStore.h2(data)) {
            Set<String> queued = store.taskQueue().all().stream().map(Task::id).collect(Collectors.toSet());
            Set<String> lost = new HashSet<>(added);
            lost.removeAll(queued);
            lost.removeAll(removing);
            assertThat(lost).as("tasks neither done nor queued").isEmpty();

            List<DeviceId> ids = store.deviceStore().ids();
            assertThat(ids).hasSize(CrashChild.DEVICES);
            for (DeviceId id : ids) {
                DeviceRecord record = store.deviceStore().record(id).orElseThrow();
                ParameterTree tree = store.deviceStore().parameters(id).orElseThrow();
                assertThat(record.recentEvents()).isNotEmpty();
                assertThat(tree.value(ParameterPath.parse("Device.DeviceInfo.SoftwareVersion"))).isPresent();
                assertThat(tree.value(ParameterPath.parse("Device.ManagementServer.ConnectionRequestURL")))
                        .isPresent();
            }
        }
    }

    private static Set<String> ids(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.toSet());
    }
}
