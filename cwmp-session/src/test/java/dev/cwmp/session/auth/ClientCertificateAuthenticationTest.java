package dev.cwmp.session.auth;

import static dev.cwmp.session.auth.DigestAuthenticationTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.testing.MutableClock;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uses {@code src/test/resources/certs/cpe-client.pem}, made with keytool (see the README there). */
class ClientCertificateAuthenticationTest {

    private static final String CN = "E48D8C-RB951Ui%2D2HnD-HG1234567";
    private static X509Certificate certificate;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

    @BeforeAll
    static void load_certificate() throws Exception {
        try (InputStream in = ClientCertificateAuthenticationTest.class.getResourceAsStream("/certs/cpe-client.pem")) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static CpeAuthRequest withCertificate() {
        return CpeAuthRequest.of("POST", "/acs", PEER).withClientCertificates(List.of(certificate));
    }

    @Test
    void binds_the_session_to_the_device_the_common_name_maps_to() {
        Map<String, String> deviceByCn = Map.of(CN, "device-42");
        CpeAuthenticator authenticator = CpeAuthenticator.clientCertificate(
                identity -> identity.commonName().map(deviceByCn::get), clock);

        CpeAuthResult result = authenticator.authenticate(withCertificate());

        assertThat(result).isEqualTo(new CpeAuthResult.Authenticated(CN, Optional.of("device-42")));
    }

    @Test
    void hands_the_mapper_the_subject_alternative_names() {
        AtomicReference<CertificateIdentity> seen = new AtomicReference<>();
        Function<CertificateIdentity, Optional<String>> bySan = identity -> {
            seen.set(identity);
            return identity.subjectAlternativeNames().stream()
                    .filter(san -> san.startsWith("urn:dev:ops:"))
                    .map(san -> san.substring("urn:dev:ops:".length()))
                    .findFirst();
        };

        CpeAuthResult result = CpeAuthenticator.clientCertificate(bySan, clock).authenticate(withCertificate());

        assertThat(seen.get().subjectAlternativeNames())
                .containsExactly("cpe-hg1234567.example.test", "urn:dev:ops:" + CN);
        assertThat(result).isEqualTo(new CpeAuthResult.Authenticated(CN, Optional.of(CN)));
    }

    @Test
    void refuses_a_certificate_that_maps_to_no_device() {
        CpeAuthResult result = CpeAuthenticator.clientCertificate(identity -> Optional.empty(), clock)
                .authenticate(withCertificate());

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_CLIENT_IDENTITY);
            assertThat(rejected.httpStatus()).isEqualTo(403);
        });
    }

    @Test
    void refuses_a_request_without_a_certificate() {
        CpeAuthResult result = CpeAuthenticator.clientCertificate(identity -> Optional.of("x"), clock)
                .authenticate(CpeAuthRequest.of("POST", "/acs", PEER));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_CLIENT_CERTIFICATE));
    }

    @Test
    void refuses_a_certificate_outside_its_validity() {
        MutableClock later = new MutableClock(Instant.parse("2035-01-01T00:00:00Z"));

        CpeAuthResult result = CpeAuthenticator.clientCertificate(identity -> Optional.of("x"), later)
                .authenticate(withCertificate());

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_CLIENT_CERTIFICATE));
    }
}
