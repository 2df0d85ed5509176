package dev.cwmp.session.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHeaderTest {

    @Test
    void parses_quoted_and_unquoted_values_in_any_order_with_extra_spaces() throws Exception {
        AuthHeader header = AuthHeader.parseOne(
                "digest   NC=00000001 ,  qop=auth,username=\"cpe\",  realm = \"cwmp\" ,nonce=abc/def+g==, algorithm=md5");

        assertThat(header.hasScheme("Digest")).isTrue();
        assertThat(header.params()).containsEntry("nc", "00000001").containsEntry("qop", "auth")
                .containsEntry("username", "cpe").containsEntry("realm", "cwmp")
                .containsEntry("nonce", "abc/def+g==").containsEntry("algorithm", "md5");
    }

    @Test
    void unescapes_quoted_pairs() throws Exception {
        AuthHeader header = AuthHeader.parseOne("Digest username=\"a\\\"b\\\\c\", realm=\"r, with comma\"");

        assertThat(header.param("username")).contains("a\"b\\c");
        assertThat(header.param("realm")).contains("r, with comma");
    }

    @Test
    void reads_basic_token68_with_padding() throws Exception {
        AuthHeader header = AuthHeader.parseOne("Basic Y3BlOnM=");

        assertThat(header.token68()).contains("Y3BlOnM=");
        assertThat(header.params()).isEmpty();
    }

    @Test
    void splits_several_challenges_in_one_header() throws Exception {
        List<AuthHeader> all = AuthHeader.parseAll(
                "Digest realm=\"a\", nonce=\"n\", algorithm=SHA-256, Digest realm=\"a\", nonce=\"n\", Basic realm=\"a\"");

        assertThat(all).extracting(AuthHeader::scheme).containsExactly("Digest", "Digest", "Basic");
        assertThat(all.get(0).param("algorithm")).contains("SHA-256");
        assertThat(all.get(1).param("algorithm")).isEmpty();
        assertThat(all.get(2).param("realm")).contains("a");
    }

    @Test
    void rejects_unterminated_quotes_duplicates_and_oversized_values() {
        assertThatThrownBy(() -> AuthHeader.parseOne("Digest username=\"cpe"))
                .isInstanceOf(AuthHeader.MalformedException.class);
        assertThatThrownBy(() -> AuthHeader.parseOne("Digest nc=1, nc=2"))
                .isInstanceOf(AuthHeader.MalformedException.class);
        assertThatThrownBy(() -> AuthHeader.parseOne("Digest x=\"" + "a".repeat(AuthHeader.MAX_LENGTH) + "\""))
                .isInstanceOf(AuthHeader.MalformedException.class);
    }
}
