package dev.cwmp.session.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.AcsHttpRequest;
import dev.cwmp.session.servlet.CwmpServlet;
import dev.cwmp.session.testing.MutableClock;
import dev.cwmp.session.testing.WireCpe;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link CwmpServlet#withHousekeeping}: the servlet schedules {@code acs.expire()} from init to destroy. */
class CwmpServletHousekeepingTest {

    /** A real scheduler that records what the servlet scheduled and never runs it by itself. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        Runnable command;
        long delayMillis;
        ScheduledFuture<?> future;

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
            command = task;
            delayMillis = unit.toMillis(delay);
            future = super.scheduleWithFixedDelay(task, 365, 365, TimeUnit.DAYS);
            return future;
        }
    }

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).clock(clock).build();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        acs.close();
    }

    private void openSession() {
        WireCpe cpe = new WireCpe(URI.create("http://127.0.0.1:1/"), DEVICE.oui(), DEVICE.productClass(),
                DEVICE.serialNumber());
        byte[] inform = CwmpCodec.create().encode(CwmpEnvelope.of(CwmpVersion.V1_2, "1", cpe.informMessage("1 BOOT")));
        assertThat(acs.handle(AcsHttpRequest.builder("POST", "/").body(inform).build()).status()).isEqualTo(200);
        assertThat(acs.openSessions()).isEqualTo(1);
    }

    @Test
    void init_schedules_expiry_which_ends_idle_sessions_and_destroy_cancels_it() throws Exception {
        CwmpServlet servlet = new CwmpServlet(acs).withHousekeeping(scheduler, Duration.ofSeconds(2));
        assertThat(scheduler.command).as("nothing scheduled before init").isNull();
        servlet.init();
        assertThat(scheduler.delayMillis).isEqualTo(2_000);

        openSession();
        clock.advance(Duration.ofSeconds(29));
        scheduler.command.run();
        assertThat(acs.openSessions()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        scheduler.command.run();
        assertThat(acs.openSessions()).isZero();

        servlet.destroy();
        assertThat(scheduler.future.isCancelled()).isTrue();
        assertThat(scheduler.isShutdown()).as("the scheduler stays the application's").isFalse();
    }

    @Test
    void the_housekeeping_period_must_be_positive() {
        CwmpServlet servlet = new CwmpServlet(acs);
        assertThatThrownBy(() -> servlet.withHousekeeping(scheduler, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
