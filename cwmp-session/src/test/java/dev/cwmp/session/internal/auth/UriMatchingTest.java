package dev.cwmp.session.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriMatchingTest {

    @ParameterizedTest
    @CsvSource({
        "/acs,                          /acs,           true",
        "/acs,                          /acs?x=1,       true",
        "/acs?x=1,                      /acs,           true",
        "/acs?x=1,                      /acs?x=1,       true",
        "http://10.0.0.1:7547/acs?x=1,  /acs?x=1,       true",
        "https://acs.example.test,      /,              true",
        "/acs?x=1,                      /acs?x=2,       false",
        "/other,                        /acs,           false",
        "/acs/,                         /acs,           false",
    })
    void matches_the_digest_uri_against_the_request_target(String digestUri, String requestUri, boolean matches) {
        assertThat(PasswordAuthenticator.uriMatches(digestUri, requestUri)).isEqualTo(matches);
    }
}
