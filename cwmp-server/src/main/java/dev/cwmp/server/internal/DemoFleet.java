package dev.cwmp.server.internal;

import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --demo N}: N simulated MikroTik RB951Ui-2HnD CPEs informing the server over loopback. */
public final class DemoFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    /** The serial numbers of demo devices start with this. */
    public static final String SERIAL_PREFIX = "D3E0";

    /** How often demo devices inform. */
    public static final Duration PERIODIC_INFORM = Duration.ofSeconds(20);

    private final Simulator simulator;
    private final List<SimulatedDevice> devices;

    private DemoFleet(Simulator simulator, List<SimulatedDevice> devices) {
        this.simulator = simulator;
        this.devices = devices;
    }

    /**
     * Adds {@code count} devices informing {@code acsUrl} (with these credentials, if any; over HTTPS
     * with this client context, if any) and powers them on.
     */
    public static DemoFleet start(URI acsUrl, int count, Optional<String[]> credentials, Optional<SSLContext> tls) {
        // Informs every 20 s, so that each step of the story (a preset applying after a tag set in the
        // previous session) shows within seconds rather than at RouterOS's own interval.
        Simulator.Builder b = Simulator.builder(acsUrl).threads(Math.min(8, Math.max(1, count)))
                .periodicInform(PERIODIC_INFORM);
        credentials.ifPresent(c -> b.acsCredentials(c[0], c[1]));
        tls.ifPresent(context -> b.httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).sslContext(context).build()));
        Simulator simulator = b.build();
        List<SimulatedDevice> devices = simulator.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), count,
                SERIAL_PREFIX);
        LOG.info("starting {} simulated MikroTik RB951Ui-2HnD (RouterOS {}), serial numbers {}000001..., informing {}",
                count, devices.get(0).softwareVersion(), SERIAL_PREFIX, acsUrl);
        simulator.powerOnAll();
        return new DemoFleet(simulator, devices);
    }

    /** The simulated devices. */
    public List<SimulatedDevice> devices() {
        return devices;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
