package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.Precondition.ComparisonOperator;
import dev.cwmp.provisioning.Precondition.DeviceIdField;
import dev.cwmp.provisioning.Precondition.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** parse(print(tree)) equals tree, for trees built by hand, not only for trees the parser made. */
class PreconditionRoundTripTest {

    private static final String[] PATHS = {"Device.DeviceInfo.UpTime", "InternetGatewayDevice.LANDevice.1.Hosts.Host.*.IPAddress",
        "Device.WiFi.SSID.3.SSID", "Device.ANDROID.NULL", "_Custom.X_ACME_Value", "VirtualParameters.serial"};
    private static final String[] TAGS = {"PENDING", "with space", "a.b*c", "UPGRADE-2024", "ünïcode", "AND", "x%y", "1"};
    private static final String[] STRINGS = {"", "it's", "say \"hi\"", "back\\slash", "line\nbreak\ttab", "\u0001", "%_", "é😀"};
    private static final double[] NUMBERS = {0, -0.0, 1, -1, 42, 0.5, -1.25e-7, 1e20, 123456789012345.0, 1e15, Double.MAX_VALUE,
        Double.MIN_VALUE, 3.141592653589793};

    @Test
    void printing_then_parsing_gives_back_random_trees() {
        Random random = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            Precondition tree = precondition(random, 0);
            String printed = tree.toString();
            assertThat(Precondition.parse(printed)).as(printed).isEqualTo(tree);
        }
    }

    @Test
    void names_that_would_read_back_as_something_else_are_rejected() {
        assertThatThrownBy(() -> Precondition.Parameter.of("Tags.X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.Parameter.of("DeviceID.ID")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.Parameter.of("null")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Precondition.Event("X 00D09E Bad.Event")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.parse("Tags = 1")).isInstanceOf(PreconditionSyntaxException.class);
    }

    private static Precondition precondition(Random r, int depth) {
        int kind = depth >= 4 ? 3 + r.nextInt(4) : r.nextInt(7);
        switch (kind) {
            case 0:
                return new Precondition.And(children(r, depth));
            case 1:
                return new Precondition.Or(children(r, depth));
            case 2:
                return new Precondition.Not(precondition(r, depth + 1));
            case 3:
                return new Precondition.Comparison(operand(r), ComparisonOperator.values()[r.nextInt(6)], operand(r));
            case 4:
                return new Precondition.Like(operand(r), operand(r), r.nextBoolean());
            case 5:
                return new Precondition.IsNull(operand(r), r.nextBoolean());
            default:
                return new Precondition.Term(operand(r));
        }
    }

    private static List<Precondition> children(Random r, int depth) {
        List<Precondition> list = new ArrayList<>();
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(precondition(r, depth + 1));
        }
        return list;
    }

    private static Operand operand(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return Precondition.Parameter.of(PATHS[r.nextInt(PATHS.length)]);
            case 1:
                return new Precondition.Tag(TAGS[r.nextInt(TAGS.length)]);
            case 2:
                return DeviceIdField.values()[r.nextInt(DeviceIdField.values().length)];
            case 3:
                return new Precondition.Event(r.nextBoolean() ? "M Download" : "X_00D09E-Ev_1");
            case 4:
                return Literal.of(STRINGS[r.nextInt(STRINGS.length)]);
            case 5:
                return Literal.of(r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)] : r.nextGaussian() * 1e6);
            case 6:
                return Literal.of(r.nextBoolean());
            default:
                return Literal.nullValue();
        }
    }
}
