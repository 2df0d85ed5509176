package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.testkit.harness.AcsHarness;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tags a provision changes with {@link ProvisionContext#tag} belong to its preset's channel: when
 * the channel faults in the session they are undone with the channel's preset tag entries, while the
 * tags of other channels stay. Over our ACS and a simulated MikroTik on loopback ({@link AcsHarness}).
 */
class ProvisionTagUndoTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final String INTERVAL = "Device.ManagementServer.PeriodicInformInterval";

    private AcsHarness lab;
    private ProvisioningDriver driver;

    @AfterEach
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private void start(String failingProvisionJson, Provision failing) {
        List<Preset> presets = PresetJson.readList("""
                [
                {"_id":"00 new","channel":"","weight":0,"events":{"0 BOOTSTRAP":true},"precondition":"",
                 "configurations":[{"type":"add_tag","tag":"NEW"}]},
                {"_id":"10 wifi","channel":"wifi","weight":10,"precondition":"Tags.NEW IS NOT NULL",
                 "configurations":[{"type":"add_tag","tag":"WIFI_STARTED"},%s]},
                {"_id":"20 other","channel":"other","weight":20,"precondition":"Tags.NEW IS NOT NULL",
                 "configurations":[{"type":"provision","name":"tagOther","args":[]}]}
                ]
                """.formatted(failingProvisionJson));
        driver = ProvisioningDriver.builder(presets)
                .provision("failing", failing)
                .provision("tagOther", (ctx, args) -> ctx.tag("OTHER_DONE", true))
                .build();
        lab = AcsHarness.builder().sessionDriver(driver).device(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL).start();
    }

    private static final String FAILING = """
            {"type":"provision","name":"failing","args":[]}""";

    @Test
    void a_provision_that_throws_has_its_tag_calls_undone_with_its_presets_tags() {
        start(FAILING, (ctx, args) -> {
            ctx.tag("WIFI_DONE", true);
            ctx.tag("NEW", false);
            throw new ProvisioningException("no radio");
        });

        assertThat(lab.record().tags()).as(describe(lab.sessions()))
                .containsExactlyInAnyOrder("NEW", "OTHER_DONE");
        assertThat(driver.faults(lab.deviceId())).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("wifi");
            assertThat(f.code()).isEqualTo("script");
            assertThat(f.message()).contains("no radio");
        });
    }

    @Test
    void a_provision_whose_write_the_cpe_refuses_has_its_tag_calls_undone() {
        start(FAILING, (ctx, args) -> {
            ctx.tag("WIFI_DONE", true);
            ctx.declare(INTERVAL, Timestamps.none(), Values.value("often"));
        });

        assertThat(lab.record().tags()).as(describe(lab.sessions()))
                .containsExactlyInAnyOrder("NEW", "OTHER_DONE");
        assertThat(driver.faults(lab.deviceId())).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("wifi");
            assertThat(f.code()).isEqualTo("cwmp.9003"); // Invalid arguments: 9007 for the value
        });
        assertThat(lab.device().value(INTERVAL)).isNotEqualTo(Optional.of("often"));
    }

    @Test
    void after_the_back_off_the_provision_runs_again_and_its_tags_stay_when_it_succeeds() {
        boolean[] broken = {true};
        start(FAILING, (ctx, args) -> {
            ctx.tag("WIFI_DONE", true);
            ctx.tag("NEW", false);
            if (broken[0]) {
                throw new ProvisioningException("no radio");
            }
        });
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("NEW", "OTHER_DONE");

        // Within the back-off the channel waits; after it, the fixed provision runs and its tags stay.
        broken[0] = false;
        lab.informNow();
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("NEW", "OTHER_DONE");
        lab.advance(Duration.ofMinutes(2));
        lab.informNow();

        assertThat(lab.record().tags()).as(describe(lab.sessions()))
                .containsExactlyInAnyOrder("WIFI_STARTED", "WIFI_DONE", "OTHER_DONE");
        assertThat(driver.faults(lab.deviceId())).isEmpty();
    }

    private static String describe(List<SessionRecord> sessions) {
        StringBuilder sb = new StringBuilder();
        for (SessionRecord s : sessions) {
            sb.append("\n  ").append(s.events().stream().map(e -> e.eventCode()).toList()).append(" -> ")
                    .append(s.acsMethodNames()).append(" ").append(s.outcome()).append(" ").append(s.answers());
        }
        return sb.toString();
    }
}
