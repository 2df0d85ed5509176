package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.testkit.sim.SessionRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cycles: within one session, once the applicable configurations have converged and the device
 * changed (tags, or a parameter a precondition reads), the presets are evaluated again and the
 * newly applicable ones run, up to {@link ProvisioningOptions#maxCycles()}.
 */
class ProvisioningCyclesTest extends DriverOverHttpTest {

    private static final String INTERVAL = "Device.ManagementServer.PeriodicInformInterval";

    @Test
    void tags_set_in_one_cycle_make_the_next_preset_apply_in_the_same_session() {
        Preset first = Preset.builder("1 first").weight(1).addTag("A").build();
        Preset second = Preset.builder("2 second").weight(2).precondition("Tags.A IS NOT NULL")
                .setValue(SSID, Literal.of("cycled")).addTag("B").build();
        Preset third = Preset.builder("3 third").weight(3).precondition("Tags.B IS NOT NULL AND Tags.C IS NULL")
                .addTag("C").build();
        start(ProvisioningDriver.builder(List.of(first, second, third)));

        assertThat(lab.sessions()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(s.acsMethodNames()).contains("SetParameterValues");
        });
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(cpe.value(SSID)).hasValue("cycled");
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));
        assertThat(driver.faults(ID)).isEmpty();

        // Nothing changes any more: the next session sends nothing and runs no further cycle.
        assertThat(lab.informNow().acsRequests()).isEmpty();
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("A", "B", "C");
    }

    @Test
    void a_preset_that_still_applies_is_not_run_again_in_a_later_cycle() {
        // As the zero-touch story's "00 NEW DEVICE": on 0 BOOTSTRAP it tags PENDING and drops DONE. Run again
        // in the second cycle it would undo what "work" did, and the two would loop.
        Preset bootstrap = Preset.builder("00 bootstrap").weight(0).events("0 BOOTSTRAP").addTag("PENDING")
                .deleteTag("DONE").build();
        Preset work = Preset.builder("10 work").weight(10).precondition("Tags.PENDING IS NOT NULL")
                .setValue(SSID, Literal.of("worked")).deleteTag("PENDING").addTag("DONE").build();
        start(ProvisioningDriver.builder(List.of(bootstrap, work)));

        assertThat(lab.sessions()).hasSize(1);
        assertThat(lab.record().tags()).containsExactly("DONE");
        assertThat(cpe.value(SSID)).hasValue("worked");
        assertThat(driver.faults(ID)).isEmpty();
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));
    }

    @Test
    void a_preset_chain_longer_than_the_cycle_bound_goes_on_in_the_next_session_after_a_fault() {
        Preset first = Preset.builder("1 first").weight(1).addTag("A").build();
        Preset second = Preset.builder("2 second").weight(2).precondition("Tags.A IS NOT NULL").addTag("B").build();
        Preset third = Preset.builder("3 third").weight(3).channel("chain").precondition("Tags.B IS NOT NULL")
                .addTag("C").build();
        start(ProvisioningDriver.builder(List.of(first, second, third))
                .options(ProvisioningOptions.defaults().withMaxCycles(1)));

        // One cycle after the first evaluation: B is set, C would need a second one.
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("A", "B");
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("chain");
            assertThat(f.code()).isEqualTo("too_many_cycles");
            assertThat(f.message()).contains("3 third");
        });
        assertThat(driver.status(ID)).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(ConfigurationStatus.State.FAULTED);
            assertThat(st.pendingPresets()).containsExactly("3 third");
        });
    }

    @Test
    void two_presets_toggling_a_tag_forever_end_in_a_too_many_cycles_fault_on_their_channel() {
        Preset on = Preset.builder("on").channel("toggle").precondition("Tags.X IS NULL").addTag("X").build();
        Preset off = Preset.builder("off").channel("toggle").precondition("Tags.X IS NOT NULL").deleteTag("X")
                .build();
        Preset other = Preset.builder("other").channel("wifi").setValue(SSID, Literal.of("still set")).build();
        start(ProvisioningDriver.builder(List.of(on, off, other)));

        SessionRecord session = lab.sessions().get(0);
        assertThat(lab.sessions()).hasSize(1);
        assertThat(session.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("toggle");
            assertThat(f.code()).isEqualTo("too_many_cycles");
            assertThat(f.message()).contains("after " + ProvisioningOptions.DEFAULT_MAX_CYCLES + " cycles");
        });
        // The first evaluation added X and four cycles toggled it off, on, off, on; the fault undoes the
        // channel's tag changes of the session: X is as it was before.
        assertThat(lab.record().tags()).isEmpty();
        assertThat(cpe.value(SSID)).hasValue("still set");
        assertThat(driver.status(ID)).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(ConfigurationStatus.State.FAULTED);
            assertThat(st.reason()).hasValueSatisfying(r -> assertThat(r).contains("too_many_cycles"));
        });

        // The channel waits out its back-off: the next session leaves the tags alone.
        lab.informNow();
        assertThat(lab.record().tags()).isEmpty();
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> assertThat(f.retries()).isZero());
    }

    @Test
    void a_precondition_on_a_parameter_a_provision_set_is_evaluated_again_in_the_session() {
        Preset setter = Preset.builder("1 setter").weight(1).provision("interval", Literal.of("600")).build();
        Preset follower = Preset.builder("2 follower").weight(2).precondition(INTERVAL + " = 600")
                .setValue(SSID, Literal.of("follows")).build();
        start(ProvisioningDriver.builder(List.of(setter, follower))
                .provision("interval", (ctx, args) -> ctx.declare(INTERVAL, Timestamps.none(),
                        Values.value(args.get(0)))));

        assertThat(lab.sessions()).singleElement().satisfies(s -> assertThat(s.outcome())
                .isEqualTo(SessionRecord.Outcome.COMPLETED));
        assertThat(cpe.value(INTERVAL)).hasValue("600");
        assertThat(cpe.value(SSID)).hasValue("follows");
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));
        assertThat(lab.informNow().acsRequests()).isEmpty();
    }
}
