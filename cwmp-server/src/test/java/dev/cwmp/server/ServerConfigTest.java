package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.server.ServerConfig.Store;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    private static ServerConfig parse(String... args) {
        return ServerConfig.fromArgs(List.of(args), Map.of());
    }

    @Test
    void defaults_are_loopback_the_standard_ports_and_acs_data() {
        ServerConfig config = parse("--nbi-token", "t0k3n", "--cpe-auth", "none");
        assertThat(config.bind()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(config.cwmpPort()).isEqualTo(7547);
        assertThat(config.nbiPort()).isEqualTo(7557);
        assertThat(config.fsPort()).isEqualTo(7567);
        assertThat(config.dataDir()).isEqualTo(Path.of("acs-data"));
        assertThat(config.cpeAuth()).isInstanceOf(CpeAuth.None.class);
        assertThat(config.nbiToken()).isPresent();
        assertThat(config.open()).isFalse();
        assertThat(config.demoDevices()).isZero();
    }

    @Test
    void reads_every_flag_with_a_space_or_an_equals_sign() {
        ServerConfig config = parse("--nbi-token=abc", "--cpe-user", "cpe", "--cpe-password=pw", "--bind", "127.0.0.2",
                "--cwmp-port", "1", "--nbi-port=2", "--fs-port", "3", "--data-dir", "/tmp/x", "--demo", "20",
                "--max-file-mb", "5", "--fs-url", "http://acs.example.net:8080/files/");
        assertThat(config.bind().getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(List.of(config.cwmpPort(), config.nbiPort(), config.fsPort())).containsExactly(1, 2, 3);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.demoDevices()).isEqualTo(20);
        assertThat(config.maxFileBytes()).isEqualTo(5L << 20);
        assertThat(config.fileServerUrl()).contains(URI.create("http://acs.example.net:8080/files/"));
        assertThat(config.cpeAuth()).isInstanceOfSatisfying(CpeAuth.Shared.class,
                shared -> assertThat(shared.username()).isEqualTo("cpe"));
        assertThat(config.nbiToken().orElseThrow().toString()).doesNotContain("abc");
    }

    @Test
    void takes_the_nbi_token_from_the_environment() {
        ServerConfig config = ServerConfig.fromArgs(List.of("--cpe-auth", "none"), Map.of("ACS_NBI_TOKEN", "from-env"));
        assertThat(new String(config.nbiToken().orElseThrow().toCharArray())).isEqualTo("from-env");
        ServerConfig flag = ServerConfig.fromArgs(List.of("--cpe-auth", "none", "--nbi-token", "flag"),
                Map.of("ACS_NBI_TOKEN", "from-env"));
        assertThat(new String(flag.nbiToken().orElseThrow().toCharArray())).isEqualTo("flag");
    }

    @Test
    void refuses_to_start_without_an_nbi_token_unless_open() {
        assertThatThrownBy(() -> parse("--cpe-auth", "none"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("--nbi-token")
                .hasMessageContaining("ACS_NBI_TOKEN")
                .hasMessageContaining("--open");
        assertThat(parse("--open", "--cpe-auth", "none").open()).isTrue();
    }

    @Test
    void refuses_an_open_nbi_beyond_loopback() {
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--bind", "0.0.0.0"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("only on a loopback address");
    }

    @Test
    void refuses_to_start_without_an_explicit_choice_of_cpe_authentication() {
        assertThatThrownBy(() -> parse("--open"))
                .hasMessageContaining("choose CPE authentication")
                .hasMessageContaining("--cpe-user")
                .hasMessageContaining("--cpe-credentials")
                .hasMessageContaining("--cpe-auth none");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "basic")).hasMessageContaining("takes 'none' or 'client-cert'");
        assertThatThrownBy(() -> parse("--open", "--cpe-user", "u")).hasMessageContaining("go together");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--cpe-user", "u", "--cpe-password", "p"))
                .hasMessageContaining("choose one");
    }

    @Test
    void rejects_unknown_flags_missing_values_and_bad_numbers() {
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--frobnicate"))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth")).hasMessageContaining("--cpe-auth needs a value");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--cwmp-port", "70000"))
                .hasMessageContaining("--cwmp-port: expected a number from 0 to 65535");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--demo", "many"))
                .hasMessageContaining("--demo");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--fs-url", "ftp://x/"))
                .hasMessageContaining("file server URL");
    }

    @Test
    void refuses_a_demo_with_per_device_credentials() {
        assertThatThrownBy(() -> parse("--open", "--cpe-credentials", "creds.txt", "--demo", "3"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("--demo needs --cpe-auth none or --cpe-user/--cpe-password");
        assertThat(parse("--open", "--cpe-user", "u", "--cpe-password", "p", "--demo", "3").demoDevices()).isEqualTo(3);
    }

    @Test
    void usage_names_every_flag() {
        assertThat(ServerConfig.usage()).contains("--nbi-token", "--open", "--cpe-auth none", "--cpe-user",
                "--cpe-password", "--cpe-credentials", "--bind", "--cwmp-port", "--nbi-port", "--fs-port", "--fs-url",
                "--data-dir", "--max-file-mb", "--no-zero-touch", "--demo", "--help", "--db-url", "--db-user",
                "--db-password-file", "ACS_DB_PASSWORD", "--node-name", "--tls-keystore", "--tls-keystore-password-file",
                "--cpe-auth client-cert", "--tls-truststore", "--nbi-tls", "--nbi-tls-keystore",
                "--nbi-tls-keystore-password-file", "ACS_NBI_TLS_KEYSTORE_PASSWORD", "--fs-tls", "--fs-tls-keystore",
                "--fs-tls-keystore-password-file", "ACS_FS_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void reads_the_database_password_from_a_file_and_else_from_the_environment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("db-password");
        Files.writeString(file, "pg-s3cret\n");
        ServerConfig config = parse("--open", "--cpe-auth", "none", "--db-url", "jdbc:postgresql://127.0.0.1:5432/cwmp",
                "--db-user", "cwmp", "--db-password-file", file.toString(), "--node-name", "node-a");
        assertThat(config.store()).isInstanceOfSatisfying(Store.Database.class, db -> {
            assertThat(db.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/cwmp");
            assertThat(db.user()).isEqualTo("cwmp");
            assertThat(new String(db.password().toCharArray())).isEqualTo("pg-s3cret");
            assertThat(db.password().toString()).doesNotContain("s3cret");
        });
        assertThat(config.nodeName()).contains("node-a");

        ServerConfig fromEnv = ServerConfig.fromArgs(List.of("--open", "--cpe-auth", "none", "--db-url",
                "jdbc:postgresql://127.0.0.1/cwmp", "--db-user", "cwmp"), Map.of("ACS_DB_PASSWORD", "env-pw"));
        assertThat(fromEnv.store()).isInstanceOfSatisfying(Store.Database.class,
                db -> assertThat(new String(db.password().toCharArray())).isEqualTo("env-pw"));
        assertThat(parse("--open", "--cpe-auth", "none").store()).isInstanceOf(Store.Embedded.class);
    }

    @Test
    void never_takes_a_password_on_the_command_line_nor_in_the_database_url() {
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--db-url", "jdbc:postgresql://h/db",
                "--db-user", "cwmp", "--db-password", "pg-s3cret"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("--db-password-file")
                .hasMessageNotContaining("pg-s3cret");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--db-user", "cwmp",
                "--db-url", "jdbc:postgresql://h/db?user=cwmp&password=pg-s3cret"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("must not hold the password")
                .hasMessageNotContaining("pg-s3cret");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--tls-keystore", "k.p12",
                "--tls-keystore-password=changeit"))
                .hasMessageContaining("--tls-keystore-password-file")
                .hasMessageNotContaining("changeit");
    }

    @Test
    void refuses_database_flags_that_do_not_fit_together(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--db-url", "jdbc:postgresql://h/db"))
                .hasMessageContaining("--db-url needs --db-user");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--db-user", "cwmp"))
                .hasMessageContaining("go with --db-url");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--db-url", "postgresql://h/db",
                "--db-user", "cwmp")).hasMessageContaining("must be a JDBC URL");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--db-url", "jdbc:postgresql://h/db",
                "--db-user", "cwmp", "--db-password-file", dir.resolve("missing").toString()))
                .hasMessageContaining("--db-password-file: cannot read");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--node-name", ""))
                .hasMessageContaining("--node-name");
    }

    @Test
    void takes_tls_and_client_certificates_with_their_passwords_from_files_or_the_environment(@TempDir Path dir)
            throws Exception {
        Path password = dir.resolve("keystore-password");
        Files.writeString(password, "changeit\r\n");
        ServerConfig config = parse("--open", "--cpe-auth", "client-cert", "--tls-truststore", "cas.p12",
                "--tls-keystore", "acs.p12", "--tls-keystore-password-file", password.toString());
        assertThat(config.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.keystore()).isEqualTo(Path.of("acs.p12"));
            assertThat(new String(tls.password().toCharArray())).isEqualTo("changeit");
        });
        assertThat(config.cpeAuth()).isInstanceOfSatisfying(CpeAuth.ClientCertificate.class, cc -> {
            assertThat(cc.trustStore()).isEqualTo(Path.of("cas.p12"));
            assertThat(cc.trustStorePassword()).isEmpty();
        });
        ServerConfig fromEnv = ServerConfig.fromArgs(List.of("--open", "--cpe-auth", "none", "--tls-keystore", "acs.p12"),
                Map.of("ACS_TLS_KEYSTORE_PASSWORD", "env-pw"));
        assertThat(new String(fromEnv.tls().orElseThrow().password().toCharArray())).isEqualTo("env-pw");

        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--tls-keystore", "acs.p12"))
                .hasMessageContaining("ACS_TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "client-cert", "--tls-truststore", "cas.p12"))
                .hasMessageContaining("client-cert needs HTTPS");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "client-cert", "--tls-keystore", "acs.p12",
                "--tls-keystore-password-file", password.toString()))
                .hasMessageContaining("needs --tls-truststore");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--tls-truststore", "cas.p12"))
                .hasMessageContaining("goes with --cpe-auth client-cert");
    }

    @Test
    void nbi_tls_and_fs_tls_reuse_the_cwmp_key_pair(@TempDir Path dir) throws Exception {
        Path password = dir.resolve("keystore-password");
        Files.writeString(password, "changeit\n");
        ServerConfig config = parse("--open", "--cpe-auth", "none", "--tls-keystore", "acs.p12",
                "--tls-keystore-password-file", password.toString(), "--nbi-tls", "--fs-tls");
        assertThat(config.nbiTls()).isEqualTo(config.tls()).isPresent();
        assertThat(config.fsTls()).isEqualTo(config.tls());

        ServerConfig cwmpOnly = parse("--open", "--cpe-auth", "none", "--tls-keystore", "acs.p12",
                "--tls-keystore-password-file", password.toString());
        assertThat(cwmpOnly.nbiTls()).isEmpty();
        assertThat(cwmpOnly.fsTls()).isEmpty();

        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--nbi-tls"))
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("--nbi-tls uses the key pair of --tls-keystore")
                .hasMessageContaining("--nbi-tls-keystore");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--fs-tls"))
                .hasMessageContaining("--fs-tls uses the key pair of --tls-keystore");
    }

    @Test
    void the_nbi_and_the_file_server_take_key_pairs_of_their_own_with_their_passwords_from_files_or_the_environment(
            @TempDir Path dir) throws Exception {
        Path password = dir.resolve("nbi-password");
        Files.writeString(password, "nbi-pw\n");
        ServerConfig config = ServerConfig.fromArgs(List.of("--open", "--cpe-auth", "none",
                "--nbi-tls-keystore", "nbi.p12", "--nbi-tls-keystore-password-file", password.toString(),
                "--fs-tls-keystore", "fs.p12"), Map.of("ACS_FS_TLS_KEYSTORE_PASSWORD", "fs-pw"));
        assertThat(config.tls()).isEmpty();
        assertThat(config.nbiTls()).hasValueSatisfying(tls -> {
            assertThat(tls.keystore()).isEqualTo(Path.of("nbi.p12"));
            assertThat(new String(tls.password().toCharArray())).isEqualTo("nbi-pw");
        });
        assertThat(config.fsTls()).hasValueSatisfying(tls -> {
            assertThat(tls.keystore()).isEqualTo(Path.of("fs.p12"));
            assertThat(new String(tls.password().toCharArray())).isEqualTo("fs-pw");
        });

        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--fs-tls-keystore", "fs.p12"))
                .hasMessageContaining("--fs-tls-keystore needs its password")
                .hasMessageContaining("ACS_FS_TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", "--nbi-tls-keystore-password-file",
                password.toString())).hasMessageContaining("--nbi-tls-keystore-password-file goes with --nbi-tls-keystore");
        for (String flag : List.of("--nbi-tls-keystore-password", "--fs-tls-keystore-password")) {
            assertThatThrownBy(() -> parse("--open", "--cpe-auth", "none", flag, "s3cret-pw"))
                    .isInstanceOf(AcsServerException.class)
                    .hasMessageContaining(flag + "-file")
                    .hasMessageNotContaining("s3cret-pw");
        }
    }

    @Test
    void fs_tls_refuses_an_http_file_server_url_and_takes_an_https_one(@TempDir Path dir) throws Exception {
        Path password = dir.resolve("keystore-password");
        Files.writeString(password, "changeit\n");
        List<String> tls = List.of("--open", "--cpe-auth", "none", "--tls-keystore", "acs.p12",
                "--tls-keystore-password-file", password.toString(), "--fs-tls");
        List<String> httpUrl = new java.util.ArrayList<>(tls);
        httpUrl.addAll(List.of("--fs-url", "http://acs.example.net:7567/"));
        assertThatThrownBy(() -> ServerConfig.fromArgs(httpUrl, Map.of()))
                .hasMessageContaining("--fs-tls serves files over HTTPS")
                .hasMessageContaining("give an https URL");
        List<String> httpsUrl = new java.util.ArrayList<>(tls);
        httpsUrl.addAll(List.of("--fs-url", "https://acs.example.net:7567/"));
        assertThat(ServerConfig.fromArgs(httpsUrl, Map.of()).fileServerUrl())
                .contains(URI.create("https://acs.example.net:7567/"));
    }
}
