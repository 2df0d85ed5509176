package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void quirk_names_map_to_switches() {
        Quirks q = SimulatorMain.quirks("single-event, never-bootstrap,prefix:SOAP-ENV,cookie-commas");
        assertThat(q.singleEvent()).isTrue();
        assertThat(q.neverBootstrap()).isTrue();
        assertThat(q.envelopePrefix()).isEqualTo("SOAP-ENV");
        assertThat(q.cookieStyle()).isEqualTo(Quirks.CookieStyle.COMMA_SEPARATED);
        assertThat(q.preemptiveBasic()).isFalse();
        assertThatThrownBy(() -> SimulatorMain.quirks("nonsense")).hasMessageContaining("nonsense");
    }

    @Test
    void bad_arguments_exit_with_2_and_say_why() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulatorMain.run(new String[] {"--devices", "3"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--acs is required");
    }
}
