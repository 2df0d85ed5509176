package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void whole_numbers_are_written_without_a_fraction_and_booleans_as_words() {
        assertThat(Values.value(86400.0).value()).hasValue("86400");
        assertThat(Values.value(86400L).value()).hasValue("86400");
        assertThat(Values.value(1.5).value()).hasValue("1.5");
        assertThat(Values.value(true).value()).hasValue("true");
        assertThat(Values.value("x").value()).hasValue("x");
    }

    @Test
    void rejects_a_negative_instance_count() {
        assertThatThrownBy(() -> Values.instances(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Values.instances(0).instances()).hasValue(0);
    }

    @Test
    void rejects_options_that_would_not_bound_anything() {
        assertThatThrownBy(() -> ProvisioningOptions.defaults().withMaxIterations(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProvisioningOptions.defaults().withMaxRequests(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProvisioningOptions.defaults().withExtensionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProvisioningOptions.defaults().valuesPerRequest()).isEqualTo(32);
    }
}
