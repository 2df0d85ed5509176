package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionLock;
import dev.cwmp.session.SessionLocks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of {@link SessionLocks}, run on the in-memory default, on H2 and on PostgreSQL. */
class SessionLocksContractTest {

    abstract static class Contract {
        static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
        static final Duration TTL = Duration.ofSeconds(60);
        static final DeviceId A = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");
        static final DeviceId B = new DeviceId("E48D8C", "RB951Ui-2HnD", "B2");

        SessionLocks locks;

        abstract SessionLocks newLocks();

        @BeforeEach
        void create() {
            locks = newLocks();
        }

        @Test
        void a_free_device_is_locked_and_others_are_refused_until_expiry() {
            SessionLock a = locks.tryAcquire(A, "n1/s1", T0, TTL).orElseThrow();
            assertThat(a).isEqualTo(new SessionLock(A, "n1/s1", T0.plus(TTL)));
            assertThat(locks.tryAcquire(A, "n2/s2", T0.plusSeconds(59), TTL)).isEmpty();
            assertThat(locks.tryAcquire(B, "n2/s2", T0, TTL)).isPresent();
            assertThat(locks.tryAcquire(A, "n2/s2", T0.plusSeconds(60), TTL)).isPresent();
        }

        @Test
        void the_owner_may_take_its_lock_again_and_renew_it() {
            SessionLock a = locks.tryAcquire(A, "n1/s1", T0, TTL).orElseThrow();
            assertThat(locks.tryAcquire(A, "n1/s1", T0.plusSeconds(10), TTL)).isPresent();
            SessionLock renewed = locks.renew(a, T0.plusSeconds(50), TTL).orElseThrow();
            assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(110));
            assertThat(locks.tryAcquire(A, "n2/s2", T0.plusSeconds(100), TTL)).isEmpty();
        }

        @Test
        void a_lost_lock_cannot_be_renewed_nor_released_by_its_old_owner() {
            SessionLock a = locks.tryAcquire(A, "n1/s1", T0, TTL).orElseThrow();
            SessionLock b = locks.tryAcquire(A, "n2/s2", T0.plusSeconds(61), TTL).orElseThrow();
            assertThat(locks.renew(a, T0.plusSeconds(62), TTL)).isEmpty();
            locks.release(a);
            assertThat(locks.tryAcquire(A, "n3/s3", T0.plusSeconds(62), TTL)).isEmpty();
            locks.release(b);
            assertThat(locks.tryAcquire(A, "n3/s3", T0.plusSeconds(62), TTL)).isPresent();
        }

        @Test
        void of_many_racing_owners_exactly_one_wins() throws Exception {
            int owners = 8;
            int rounds = 20;
            ExecutorService pool = Executors.newFixedThreadPool(owners);
            try {
                for (int round = 0; round < rounds; round++) {
                    DeviceId device = new DeviceId("E48D8C", "X", "R" + round);
                    AtomicInteger winners = new AtomicInteger();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int o = 0; o < owners; o++) {
                        String owner = "n" + o + "/s";
                        futures.add(pool.submit(() -> {
                            if (locks.tryAcquire(device, owner, T0, TTL).isPresent()) {
                                winners.incrementAndGet();
                            }
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get(30, TimeUnit.SECONDS);
                    }
                    assertThat(winners.get()).as("winners of round %d", round).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class In_memory extends Contract {
        @Override
        SessionLocks newLocks() {
            return SessionLocks.inMemory();
        }
    }

    @Nested
    class On_h2 extends Contract {
        @TempDir
        Path dir;
        final TestDatabases databases = new TestDatabases();

        @Override
        SessionLocks newLocks() {
            return databases.h2ByUrl(dir.resolve(java.util.UUID.randomUUID().toString())).sessionLocks();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }

    @Nested
    class On_postgres extends Contract {
        final TestDatabases databases = new TestDatabases();

        @Override
        SessionLocks newLocks() {
            return databases.emptyPostgres().sessionLocks();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }
}
