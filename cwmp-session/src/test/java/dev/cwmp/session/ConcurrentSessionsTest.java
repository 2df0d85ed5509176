package dev.cwmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.session.testing.WireCpe;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hundreds of devices in session at once, with the application tagging them meanwhile: nothing lost. */
class ConcurrentSessionsTest {

    private static final int DEVICES = 200;
    private static final int ROUNDS = 3;

    @Test
    void hundreds_of_concurrent_sessions_lose_no_update() throws Exception {
        // The driver tags the device, inside the session, with every value the CPE confirmed.
        SessionDriver tagConfirmedValues = new SessionDriver() {
            @Override
            public Optional<dev.cwmp.protocol.rpc.AcsRequest<?>> nextRequest(SessionContext session) {
                return Optional.empty();
            }

            @Override
            public void responseReceived(SessionContext session, dev.cwmp.protocol.rpc.AcsRequest<?> request,
                    dev.cwmp.protocol.rpc.CpeResponse response) {
                if (request instanceof SetParameterValues spv) {
                    session.updateDevice(r -> r.withTag("SET-" + spv.parameterList().get(0).value()));
                }
            }
        };
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(tagConfirmedValues).build();
        try (JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0),
                Optional.empty(), 64)) {
            URI url = URI.create("http://127.0.0.1:" + http.port() + "/");
            ExecutorService cpes = Executors.newFixedThreadPool(64);
            ExecutorService application = Executors.newSingleThreadExecutor();
            try {
                // Every device registers first, so the application's tags below have a record to land on.
                List<Future<?>> registering = new ArrayList<>();
                for (int d = 0; d < DEVICES; d++) {
                    DeviceId id = id(d);
                    registering.add(cpes.submit(() -> {
                        WireCpe cpe = new WireCpe(url, id.oui(), id.productClass(), id.serialNumber());
                        assertThat(cpe.inform("0 BOOTSTRAP").status()).isEqualTo(200);
                        assertThat(cpe.emptyPost().status()).isEqualTo(204);
                    }));
                }
                for (Future<?> f : registering) {
                    f.get(120, TimeUnit.SECONDS);
                }
                List<Future<?>> running = new ArrayList<>();
                for (int d = 0; d < DEVICES; d++) {
                    int device = d;
                    running.add(cpes.submit(() -> runDevice(acs, url, device)));
                }
                // The application tags every device while the sessions run.
                Future<?> tagging = application.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int d = 0; d < DEVICES; d++) {
                            String tag = "APP-" + round;
                            acs.devices().update(id(d), r -> r.map(x -> x.withTag(tag)));
                        }
                    }
                });
                for (Future<?> f : running) {
                    f.get(120, TimeUnit.SECONDS);
                }
                tagging.get(120, TimeUnit.SECONDS);
            } finally {
                cpes.shutdownNow();
                application.shutdownNow();
            }
            assertThat(acs.openSessions()).isZero();
            assertThat(acs.taskQueue().all()).isEmpty();
            for (int d = 0; d < DEVICES; d++) {
                DeviceRecord record = acs.devices().record(id(d)).orElseThrow();
                // every session's tags and every application tag survived: no save overwrote another
                for (int round = 0; round < ROUNDS; round++) {
                    assertThat(record.tags()).contains("SET-ssid-" + d + "-" + round, "APP-" + round);
                }
                assertThat(acs.devices().parameters(id(d)).orElseThrow()
                        .value(ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).contains("ssid-" + d + "-" + (ROUNDS - 1));
            }
        }
    }

    private static DeviceId id(int d) {
        return new DeviceId("E48D8C", "RB951Ui-2HnD", String.format("SN%05d", d));
    }

    private static void runDevice(Acs acs, URI url, int d) {
        DeviceId id = id(d);
        WireCpe cpe = new WireCpe(url, id.oui(), id.productClass(), id.serialNumber());
        for (int round = 0; round < ROUNDS; round++) {
            String ssid = "ssid-" + d + "-" + round;
            acs.submit(id, new TaskAction.SetParameterValues(List.of(
                    new ParameterValueStruct("Device.WiFi.SSID.1.SSID", ssid, XsdType.STRING)), "k" + round),
                    TaskOptions.DEFAULT);
            cpe.forgetCookie();
            assertThat(cpe.inform("2 PERIODIC").status()).isEqualTo(200);
            WireCpe.Reply set = cpe.emptyPost();
            assertThat(set.body()).isInstanceOf(SetParameterValues.class);
            acs.devices().update(id, r -> r.map(x -> x)); // a concurrent no-op write on the same device
            WireCpe.Reply end = cpe.sendWithId(set.id().orElseThrow(), new SetParameterValuesResponse(0));
            assertThat(end.status()).isEqualTo(204);
        }
    }
}
