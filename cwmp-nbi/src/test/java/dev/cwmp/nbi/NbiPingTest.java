package dev.cwmp.nbi;

import static dev.cwmp.nbi.NbiFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cwmp.nbi.internal.Ping;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /ping/<host>} over real HTTP: hosts checked strictly, 501 without a ping program, and
 * 200 / 404 from what the program says (a stand-in script, and the system's ping where there is one,
 * only ever on 127.0.0.1 and ::1).
 */
class NbiPingTest {

    @TempDir
    Path dir;

    private NbiFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A stand-in ping: prints its arguments and {@code output}, exits with {@code exit}. */
    private Path fakePing(String output, int exit) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run a stand-in ping");
        Path script = dir.resolve("ping-" + exit);
        Files.writeString(script, "#!/bin/sh\necho \"args: $*\"\necho '" + output + "'\nexit " + exit + "\n");
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX file permissions here to make a stand-in ping executable");
        }
        return script;
    }

    @Test
    void a_host_that_answers_gives_200_with_the_output_of_ping_run_with_bounded_arguments() throws Exception {
        Path ping = fakePing("3 packets transmitted, 3 received, 0% packet loss", 0);
        fixture = new NbiFixture(false, b -> b.ping(ping, Duration.ofSeconds(10)));

        HttpResponse<String> response = fixture.get("/ping/127.0.0.1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).contains("args: -c 3 -i 0.2 -w 2 127.0.0.1")
                .contains("3 packets transmitted, 3 received");
    }

    @Test
    void a_host_that_does_not_answer_gives_404_with_pings_summary() throws Exception {
        Path ping = fakePing("3 packets transmitted, 0 received, 100% packet loss", 1);
        fixture = new NbiFixture(false, b -> b.ping(ping, Duration.ofSeconds(10)));

        assertError(fixture.get("/ping/127.0.0.1"), 404,
                "127.0.0.1 does not answer: 3 packets transmitted, 0 received, 100% packet loss");
    }

    @Test
    void a_ping_that_may_not_open_its_socket_gives_501() throws Exception {
        Path ping = fakePing("ping: socket: Operation not permitted", 2);
        fixture = new NbiFixture(false, b -> b.ping(ping, Duration.ofSeconds(10)));

        assertError(fixture.get("/ping/::1"), 501, "ping may not run on this server");
    }

    @Test
    void without_a_ping_program_the_answer_is_501_with_a_clear_error() {
        fixture = new NbiFixture(false, b -> b.ping(dir.resolve("no-such-ping"), Duration.ofSeconds(10)));

        assertError(fixture.get("/ping/127.0.0.1"), 501, "ping is not available on this server");
    }

    @Test
    void hosts_that_are_not_names_or_addresses_are_refused_with_400_before_anything_runs() throws Exception {
        Path ping = fakePing("should not run", 0);
        fixture = new NbiFixture(false, b -> b.ping(ping, Duration.ofSeconds(10)));

        for (String host : new String[] {"-c1", "--help", "%2Dw100", "a%20b", "a;reboot", "a%0Ab", "host_name",
                "1.2.3", "999.1.1.1", "::g", "a..b", ".", "x".repeat(64) + ".example", "a.-b", "%24(id)",
                "fe80::1%25eth0", "%5B::1%5D"}) {
            assertError(fixture.get("/ping/" + host), 400, "not a host name or IP address");
        }
        assertError(fixture.get("/ping/" + "a.".repeat(127) + "bc"), 400, "not a host name or IP address");
        assertError(fixture.send("POST", "/ping/127.0.0.1", ""), 405, "POST is not allowed");
        assertError(fixture.get("/ping/"), 404, "no such resource");
    }

    @Test
    void the_host_check_accepts_names_and_both_address_families() {
        assertThat(Ping.isValidHost("127.0.0.1")).isTrue();
        assertThat(Ping.isValidHost("::1")).isTrue();
        assertThat(Ping.isValidHost("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(Ping.isValidHost("::ffff:192.0.2.1")).isTrue();
        assertThat(Ping.isValidHost("localhost")).isTrue();
        assertThat(Ping.isValidHost("cpe-42.example.net.")).isTrue();
        assertThat(Ping.isValidHost("a".repeat(63) + ".example")).isTrue();
        assertThat(Ping.isValidHost("a".repeat(64) + ".example")).isFalse();
        assertThat(Ping.isValidHost("-x.example")).isFalse();
        assertThat(Ping.isValidHost("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(Ping.isValidHost("")).isFalse();
    }

    @Test
    void the_system_ping_reaches_the_ipv4_loopback() {
        Ping system = new Ping(Optional.empty(), Duration.ofSeconds(10));
        assumeTrue(system.program().isPresent(), "no ping program on this machine: the system ping is not tested");
        fixture = new NbiFixture(false, b -> b);

        HttpResponse<String> response = fixture.get("/ping/127.0.0.1");

        assumeTrue(response.statusCode() != 501, "ping may not run here: " + response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("127.0.0.1");
    }

    @Test
    void the_system_ping_reaches_the_ipv6_loopback_where_it_is_configured() {
        Ping system = new Ping(Optional.empty(), Duration.ofSeconds(10));
        assumeTrue(system.program().isPresent(), "no ping program on this machine: the system ping is not tested");
        fixture = new NbiFixture(false, b -> b);

        HttpResponse<String> response = fixture.get("/ping/::1");

        assumeTrue(response.statusCode() != 501, "ping may not run here: " + response.body());
        assumeTrue(response.statusCode() != 404, "::1 does not answer here (IPv6 off?): " + response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("::1");
    }
}
