package dev.cwmp.session.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void issues_distinct_nonces_that_validate() {
        NonceService service = new NonceService(clock, Duration.ofMinutes(5), 100);
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 50; k++) {
            String nonce = service.issue();
            assertThat(seen.add(nonce)).isTrue();
            assertThat(service.check(nonce)).isEqualTo(NonceService.Status.VALID);
        }
    }

    @Test
    void a_nonce_from_another_instance_is_forged() {
        String foreign = new NonceService(clock, Duration.ofMinutes(5), 10).issue();

        assertThat(new NonceService(clock, Duration.ofMinutes(5), 10).check(foreign))
                .isEqualTo(NonceService.Status.FORGED);
    }

    @Test
    void expires_after_its_lifetime() {
        NonceService service = new NonceService(clock, Duration.ofMinutes(5), 10);
        String nonce = service.issue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(service.check(nonce)).isEqualTo(NonceService.Status.VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.check(nonce)).isEqualTo(NonceService.Status.STALE);
    }

    @Test
    void nonce_count_must_increase() {
        NonceService service = new NonceService(clock, Duration.ofMinutes(5), 10);
        String nonce = service.issue();

        assertThat(service.advance(nonce, 1)).isEqualTo(NonceService.Status.VALID);
        assertThat(service.advance(nonce, 1)).isEqualTo(NonceService.Status.REPLAYED);
        assertThat(service.advance(nonce, 3)).isEqualTo(NonceService.Status.VALID);
        assertThat(service.advance(nonce, 2)).isEqualTo(NonceService.Status.REPLAYED);
    }

    @Test
    void tracks_at_most_the_cap_and_forgets_the_oldest_first() {
        NonceService service = new NonceService(clock, Duration.ofMinutes(5), 3);
        String oldest = service.issue();
        service.issue();
        service.issue();
        String newest = service.issue();

        assertThat(service.trackedCount()).isEqualTo(3);
        assertThat(service.advance(oldest, 1)).isEqualTo(NonceService.Status.STALE);
        assertThat(service.advance(newest, 1)).isEqualTo(NonceService.Status.VALID);
    }

    @Test
    void drops_expired_nonces_when_issuing() {
        NonceService service = new NonceService(clock, Duration.ofMinutes(5), 100);
        for (int k = 0; k < 10; k++) {
            service.issue();
        }
        clock.advance(Duration.ofMinutes(6));
        service.issue();

        assertThat(service.trackedCount()).isEqualTo(1);
    }

    @Test
    void parses_nonce_counts_leniently_but_rejects_garbage() {
        assertThat(NonceService.parseNonceCount("00000001")).isEqualTo(1);
        assertThat(NonceService.parseNonceCount("0000000a")).isEqualTo(10);
        assertThat(NonceService.parseNonceCount("1")).isEqualTo(1);
        assertThat(NonceService.parseNonceCount("00000000")).isEqualTo(-1);
        assertThat(NonceService.parseNonceCount("xyz")).isEqualTo(-1);
        assertThat(NonceService.parseNonceCount("123456789")).isEqualTo(-1);
    }
}
