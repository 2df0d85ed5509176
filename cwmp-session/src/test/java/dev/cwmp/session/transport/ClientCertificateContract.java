package dev.cwmp.session.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CertificateIdentity;
import dev.cwmp.session.auth.CpeAuthResult;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.testing.MutableClock;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTPS with TLS client certificates, over a real TLS handshake on 127.0.0.1: each adapter's test
 * says how to serve an {@link Acs} over TLS (client certificates wanted, not required).
 */
abstract class ClientCertificateContract {

    /** Serves {@code acs} over HTTPS with {@code tls} on a free port of 127.0.0.1. */
    protected abstract AdapterContract.RunningAdapter startTls(Acs acs, SSLContext tls);

    private static final DeviceId DEVICE_A = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final DeviceId DEVICE_B = new DeviceId("E48D8C", "RB951Ui-2HnD", "5BD8157242F5");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private Acs acs;
    private AdapterContract.RunningAdapter adapter;

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (acs != null) {
            acs.close();
        }
    }

    private URI serve(CpeAuthenticator authenticator) {
        acs = Acs.builder().authenticator(authenticator).clock(clock).build();
        adapter = startTls(acs, TestTls.acs());
        assertThat(adapter.url().getScheme()).isEqualTo("https");
        return adapter.url();
    }

    /** Client certificates, each test certificate's CN mapped to a device id through a table (as a real ACS would). */
    private URI serve(Map<String, DeviceId> deviceByCommonName) {
        return serve(CpeAuthenticator.clientCertificate(
                (CertificateIdentity identity) -> identity.commonName().map(deviceByCommonName::get).map(DeviceId::toString),
                clock));
    }

    private URI serveBothDevices() {
        return serve(Map.of(DEVICE_A.toString(), DEVICE_A, DEVICE_B.toString(), DEVICE_B));
    }

    private static RawCpe cpe(URI url, String keystore, DeviceId device) {
        return new RawCpe(url, TestTls.cpe(keystore).getSocketFactory(), device);
    }

    @Test
    void a_cpe_with_its_certificate_runs_a_session() {
        try (RawCpe cpe = cpe(serveBothDevices(), "cpe-a.p12", DEVICE_A)) {
            RawCpe.Reply informed = cpe.inform("1 BOOT");
            assertThat(informed.status()).isEqualTo(200);
            assertThat(informed.body()).isEqualTo(new InformResponse(1));
            assertThat(informed.http().header("Set-Cookie").orElseThrow()).contains("Secure");
            assertThat(cpe.send(new GetRPCMethods()).status()).isEqualTo(200);
            assertThat(cpe.emptyPost().status()).isEqualTo(204);
            assertThat(cpe.connectionsOpened()).isEqualTo(1);
        }
        assertThat(acs.devices().record(DEVICE_A)).isPresent();
    }

    @Test
    void a_certificate_mapped_to_another_device_is_refused_with_403() {
        try (RawCpe impostor = cpe(serveBothDevices(), "cpe-b.p12", DEVICE_A)) {
            RawCpe.Reply refused = impostor.inform("1 BOOT");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.http().statusLine()).startsWith("HTTP/1.1 403 ");
        }
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void a_certificate_mapped_to_no_device_is_refused() {
        URI url = serve(Map.of(DEVICE_A.toString(), DEVICE_A));
        try (RawCpe unknown = cpe(url, "cpe-b.p12", DEVICE_B)) {
            assertThat(unknown.inform("1 BOOT").status()).isEqualTo(403);
        }
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void a_tls_client_without_a_certificate_is_refused() {
        URI url = serveBothDevices();
        try (RawCpe anonymous = new RawCpe(url, TestTls.anonymousClient().getSocketFactory(), DEVICE_A)) {
            assertThat(anonymous.inform("1 BOOT").status()).isEqualTo(403);
        }
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void a_session_cookie_presented_over_another_tls_identity_is_refused() {
        URI url = serveBothDevices();
        try (RawCpe owner = cpe(url, "cpe-a.p12", DEVICE_A); RawCpe thief = cpe(url, "cpe-b.p12", DEVICE_A)) {
            assertThat(owner.inform("1 BOOT").status()).isEqualTo(200);
            thief.useCookie(owner.cookie().orElseThrow());

            RawCpe.Reply stolen = thief.send(new GetRPCMethods());
            assertThat(stolen.status()).isEqualTo(403);
            assertThat(stolen.envelope()).isEmpty();

            // the owner's session is untouched
            assertThat(owner.send(new GetRPCMethods()).status()).isEqualTo(200);
            assertThat(owner.emptyPost().status()).isEqualTo(204);
        }
        assertThat(acs.devices().record(DEVICE_A)).isPresent();
    }

    @Test
    void the_engine_sees_the_client_certificate_chain() {
        List<X509Certificate> seen = new CopyOnWriteArrayList<>();
        URI url = serve(request -> {
            seen.addAll(request.clientCertificateChain());
            return new CpeAuthResult.Authenticated("any", Optional.empty());
        });
        try (RawCpe cpe = cpe(url, "cpe-a.p12", DEVICE_A)) {
            assertThat(cpe.inform("1 BOOT").status()).isEqualTo(200);
        }
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getSubjectX500Principal().getName()).startsWith("CN=" + DEVICE_A + ",");
    }
}
