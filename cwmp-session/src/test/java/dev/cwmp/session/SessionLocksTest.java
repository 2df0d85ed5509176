package dev.cwmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.session.testing.MutableClock;
import dev.cwmp.session.testing.WireCpe;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session-lock SPI's in-memory default, and the engine holding a device's lock for its session. */
class SessionLocksTest {

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(T0);
    private final List<JdkHttpTransport> transports = new ArrayList<>();

    @AfterEach
    void stop() {
        transports.forEach(JdkHttpTransport::close);
    }

    @Test
    void a_held_lock_refuses_other_owners_until_it_expires() {
        SessionLocks locks = SessionLocks.inMemory();
        SessionLock a = locks.tryAcquire(DEVICE, "node-a/1", T0, TTL).orElseThrow();
        assertThat(a.expiresAt()).isEqualTo(T0.plus(TTL));
        assertThat(locks.tryAcquire(DEVICE, "node-b/2", T0.plusSeconds(59), TTL)).isEmpty();
        assertThat(locks.tryAcquire(DEVICE, "node-a/1", T0.plusSeconds(1), TTL)).isPresent();

        SessionLock b = locks.tryAcquire(DEVICE, "node-b/2", T0.plusSeconds(61), TTL).orElseThrow();
        assertThat(b.owner()).isEqualTo("node-b/2");
        assertThat(locks.renew(a, T0.plusSeconds(62), TTL)).isEmpty();
        locks.release(a);
        assertThat(locks.tryAcquire(DEVICE, "node-c/3", T0.plusSeconds(62), TTL)).isEmpty();
    }

    @Test
    void renew_moves_the_expiry_and_release_frees_the_lock() {
        SessionLocks locks = SessionLocks.inMemory();
        SessionLock a = locks.tryAcquire(DEVICE, "node-a/1", T0, TTL).orElseThrow();
        SessionLock renewed = locks.renew(a, T0.plusSeconds(50), TTL).orElseThrow();
        assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(110));
        assertThat(locks.tryAcquire(DEVICE, "node-b/2", T0.plusSeconds(100), TTL)).isEmpty();
        locks.release(renewed);
        assertThat(locks.tryAcquire(DEVICE, "node-b/2", T0.plusSeconds(100), TTL)).isPresent();
    }

    @Test
    void two_nodes_sharing_locks_hold_one_session_per_device_and_release_after_saving() {
        SessionLocks locks = SessionLocks.inMemory();
        DeviceStore devices = DeviceStore.inMemory();
        Acs nodeA = node("node-a", locks, devices);
        Acs nodeB = node("node-b", locks, devices);
        WireCpe onA = cpe(nodeA);
        WireCpe onB = cpe(nodeB);

        assertThat(onA.inform("2 PERIODIC").status()).isEqualTo(200);
        assertThat(onB.inform("2 PERIODIC").status()).isEqualTo(503);
        assertThat(locks.tryAcquire(DEVICE, "someone", clock.instant(), TTL)).isEmpty();

        assertThat(onA.emptyPost().status()).isEqualTo(204);
        assertThat(devices.record(DEVICE)).isPresent();
        assertThat(onB.inform("2 PERIODIC").status()).isEqualTo(200);
        assertThat(onB.emptyPost().status()).isEqualTo(204);
        assertThat(devices.record(DEVICE).orElseThrow().recentEvents()).hasSize(2);
        assertThat(locks.tryAcquire(DEVICE, "someone", clock.instant(), TTL)).isPresent();
    }

    @Test
    void a_lock_left_by_a_dead_node_expires_and_the_device_is_served_again() {
        SessionLocks locks = SessionLocks.inMemory();
        locks.tryAcquire(DEVICE, "dead-node/1", clock.instant(), TTL).orElseThrow();
        Acs node = node("node-a", locks, DeviceStore.inMemory());
        WireCpe cpe = cpe(node);

        assertThat(cpe.inform("2 PERIODIC").status()).isEqualTo(503);
        clock.advance(TTL.plusSeconds(1));
        assertThat(cpe.inform("2 PERIODIC").status()).isEqualTo(200);
        assertThat(cpe.emptyPost().status()).isEqualTo(204);
    }

    @Test
    void a_session_that_lost_its_lock_ends_without_saving() {
        SessionLocks locks = SessionLocks.inMemory();
        DeviceStore devices = DeviceStore.inMemory();
        Acs node = Acs.builder().authenticator(CpeAuthenticator.none()).clock(clock).nodeName("node-a")
                .sessionLocks(locks).deviceStore(devices).sessionTimeout(Duration.ofSeconds(30)).build();
        WireCpe cpe = cpe(node);

        assertThat(cpe.inform("2 PERIODIC").status()).isEqualTo(200);
        // Another node's clock runs ahead: it sees the lock expired and takes the device.
        assertThat(locks.tryAcquire(DEVICE, "node-b/9", clock.instant().plusSeconds(61), TTL)).isPresent();
        clock.advance(Duration.ofSeconds(40));
        assertThat(node.expire()).isEqualTo(1);
        assertThat(devices.record(DEVICE)).isEmpty();
        assertThat(node.openSessions()).isZero();
        assertThat(locks.tryAcquire(DEVICE, "node-c/1", clock.instant(), TTL)).isEmpty();
    }

    private Acs node(String name, SessionLocks locks, DeviceStore devices) {
        return Acs.builder().authenticator(CpeAuthenticator.none()).clock(clock).nodeName(name).sessionLocks(locks)
                .deviceStore(devices).build();
    }

    private WireCpe cpe(Acs acs) {
        JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        transports.add(http);
        return new WireCpe(URI.create("http://127.0.0.1:" + http.port() + "/"), DEVICE.oui(), DEVICE.productClass(),
                DEVICE.serialNumber());
    }
}
