package dev.cwmp.session.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.auth.DigestAlgorithm;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.testing.IndependentDigest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7616 section 3.9.1: the worked example, for SHA-256 and MD5. */
class DigestComputationTest {

    private static final String USER = "Mufasa";
    private static final String PASSWORD = "Circle of Life";
    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String NC = "00000001";
    private static final String URI = "/dir/index.html";

    @ParameterizedTest
    @CsvSource({
        // algorithm, the response value published in RFC 7616 section 3.9.1
        "SHA_256, SHA-256, 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        "MD5,     MD5,     8ca523f5e9506fed4657c9700eebdbec",
    })
    void computes_the_rfc_7616_worked_example(DigestAlgorithm algorithm, String javaName, String published) {
        String ha1 = DigestComputation.ha1(algorithm, USER, REALM, Secret.of(PASSWORD), NONCE, CNONCE);
        String response = DigestComputation.response(algorithm, ha1, NONCE, NC, CNONCE, "auth", "GET", URI);

        String independent = IndependentDigest.response(javaName, USER, REALM, PASSWORD, "GET", URI, NONCE, NC, CNONCE);
        assertThat(response).isEqualTo(independent).isEqualTo(published);
    }

    @ParameterizedTest
    @CsvSource({"SHA_256_SESS, SHA-256", "MD5_SESS, MD5"})
    void session_variants_hash_nonce_and_cnonce_into_ha1(DigestAlgorithm algorithm, String javaName) {
        String ha1 = DigestComputation.ha1(algorithm, USER, REALM, Secret.of(PASSWORD), NONCE, CNONCE);

        String plain = IndependentDigest.h(javaName, USER + ":" + REALM + ":" + PASSWORD);
        assertThat(ha1).isEqualTo(IndependentDigest.h(javaName, plain + ":" + NONCE + ":" + CNONCE));
    }
}
