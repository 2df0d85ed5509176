package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The default set-up: real time, a pool of session threads, many devices at once. */
class SimulatorThreadsTest {

    @Test
    void many_devices_bootstrap_concurrently_on_the_default_threads() throws Exception {
        int devices = 200;
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).build();
        Set<String> bootstrapped = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(devices);
        try (JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
                Simulator sim = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/")).threads(8)
                        .listener(r -> {
                            if (r.outcome() == SessionRecord.Outcome.COMPLETED && r.hasEvent("0 BOOTSTRAP")
                                    && bootstrapped.add(r.serialNumber())) {
                                done.countDown();
                            }
                        }).build()) {
            sim.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), devices, "T");
            sim.powerOnAll();
            assertThat(done.await(60, TimeUnit.SECONDS)).as("every device bootstrapped").isTrue();
            assertThat(acs.devices().ids()).hasSize(devices);
            assertThat(sim.devices()).allSatisfy(d -> assertThat(d.hasBootstrapped()).isTrue());
        }
    }
}
