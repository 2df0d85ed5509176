package dev.cwmp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.server.AcsServerException;
import dev.cwmp.session.auth.CpeCredential;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsFileTest {

    @Test
    void reads_shared_and_device_bound_credentials_and_skips_comments() {
        List<CpeCredential> credentials = CredentialsFile.parse(List.of(
                "# username password [device-id]",
                "",
                "lab\tlabpass",
                "  cpe1   s3cret   E48D8C-RB951Ui%2D2HnD-4AC7046131E4  "), "creds.txt");
        assertThat(credentials).extracting(CpeCredential::username).containsExactly("lab", "cpe1");
        assertThat(credentials.get(0).deviceId()).isEmpty();
        assertThat(credentials.get(1).deviceId()).contains("E48D8C-RB951Ui%2D2HnD-4AC7046131E4");
        assertThat(new String(credentials.get(1).password().toCharArray())).isEqualTo("s3cret");
    }

    @Test
    void names_the_line_of_a_malformed_entry() {
        assertThatThrownBy(() -> CredentialsFile.parse(List.of("ok pw", "lonely"), "creds.txt"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("creds.txt line 2");
        assertThatThrownBy(() -> CredentialsFile.parse(List.of("a b c d"), "f")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> CredentialsFile.parse(List.of("a:b pw"), "f")).hasMessageContaining("':'");
    }

    @Test
    void refuses_a_username_twice_and_an_empty_file() {
        assertThatThrownBy(() -> CredentialsFile.parse(List.of("a pw", "a other"), "f"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> CredentialsFile.parse(List.of("# nothing"), "f")).hasMessageContaining("no credentials");
    }
}
