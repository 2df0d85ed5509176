package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.Precondition.And;
import dev.cwmp.provisioning.Precondition.Comparison;
import dev.cwmp.provisioning.Precondition.ComparisonOperator;
import dev.cwmp.provisioning.Precondition.DeviceIdField;
import dev.cwmp.provisioning.Precondition.Event;
import dev.cwmp.provisioning.Precondition.IsNull;
import dev.cwmp.provisioning.Precondition.Like;
import dev.cwmp.provisioning.Precondition.Not;
import dev.cwmp.provisioning.Precondition.Or;
import dev.cwmp.provisioning.Precondition.Parameter;
import dev.cwmp.provisioning.Precondition.Tag;
import dev.cwmp.provisioning.Precondition.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionParserTest {

    private static final Parameter SW = Parameter.of("Device.DeviceInfo.SoftwareVersion");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=  | EQ", "<> | NE", "<  | LT", "<= | LE", ">  | GT", ">= | GE"})
    void parses_every_comparison_operator(String symbol, ComparisonOperator op) {
        assertThat(Precondition.parse("Device.DeviceInfo.SoftwareVersion " + symbol + " '1.0'"))
                .isEqualTo(new Comparison(SW, op, Literal.of("1.0")));
        assertThat(Precondition.parse("Device.DeviceInfo.SoftwareVersion" + symbol + "'1.0'"))
                .as("no spaces needed")
                .isEqualTo(new Comparison(SW, op, Literal.of("1.0")));
    }

    @Test
    void parses_like_not_like_and_null_tests_in_any_case() {
        assertThat(Precondition.parse("Device.DeviceInfo.SoftwareVersion like '1.%'"))
                .isEqualTo(new Like(SW, Literal.of("1.%"), false));
        assertThat(Precondition.parse("Device.DeviceInfo.SoftwareVersion NOT   LIKE '1._'"))
                .isEqualTo(new Like(SW, Literal.of("1._"), true));
        assertThat(Precondition.parse("Device.DeviceInfo.SoftwareVersion is null"))
                .isEqualTo(new IsNull(SW, false));
        assertThat(Precondition.parse("Device.DeviceInfo.SoftwareVersion IS NOT NULL"))
                .isEqualTo(new IsNull(SW, true));
    }

    @Test
    void and_binds_tighter_than_or_and_not_tighter_than_and() {
        Precondition p = Precondition.parse("Tags.A OR NOT Tags.B AND Tags.C");
        assertThat(p).isEqualTo(new Or(List.of(
                new Term(new Tag("A")),
                new And(List.of(new Not(new Term(new Tag("B"))), new Term(new Tag("C")))))));
    }

    @Test
    void parentheses_override_precedence() {
        Precondition p = Precondition.parse("(Tags.A OR Tags.B) AND NOT (Tags.C OR Tags.D)");
        assertThat(p).isEqualTo(new And(List.of(
                new Or(List.of(new Term(new Tag("A")), new Term(new Tag("B")))),
                new Not(new Or(List.of(new Term(new Tag("C")), new Term(new Tag("D"))))))));
    }

    @Test
    void a_chain_of_the_same_operator_is_one_node() {
        assertThat(Precondition.parse("Tags.A AND Tags.B AND Tags.C"))
                .isEqualTo(new And(List.of(new Term(new Tag("A")), new Term(new Tag("B")), new Term(new Tag("C")))));
    }

    @Test
    void parses_literals() {
        assertThat(right("x.y = 'it''s'")).isEqualTo(Literal.of("it's"));
        assertThat(right("x.y = \"a\\\"b\\n\\u0041\\\\\"")).isEqualTo(Literal.of("a\"b\nA\\"));
        assertThat(right("x.y = 42")).isEqualTo(Literal.of(42));
        assertThat(right("x.y = -1.5e3")).isEqualTo(Literal.of(-1500.0));
        assertThat(right("x.y = 0.25")).isEqualTo(Literal.of(0.25));
        assertThat(right("x.y = TRUE")).isEqualTo(Literal.of(true));
        assertThat(right("x.y = false")).isEqualTo(Literal.of(false));
        assertThat(right("x.y = null")).isEqualTo(Literal.nullValue());
        assertThat(right("x.y = ''")).isEqualTo(Literal.of(""));
    }

    private static Precondition.Operand right(String text) {
        return ((Comparison) Precondition.parse(text)).right();
    }

    @Test
    void parses_paths_with_instance_numbers_and_wildcards() {
        assertThat(Precondition.parse("Device.WiFi.SSID.1.SSID = 'home'"))
                .isEqualTo(new Comparison(Parameter.of("Device.WiFi.SSID.1.SSID"), ComparisonOperator.EQ, Literal.of("home")));
        Precondition wildcard = Precondition.parse("InternetGatewayDevice.WANDevice.*.WANConnectionDevice.*.WANIPConnection.*.ExternalIPAddress IS NOT NULL");
        assertThat(((IsNull) wildcard).operand())
                .isEqualTo(Parameter.of("InternetGatewayDevice.WANDevice.*.WANConnectionDevice.*.WANIPConnection.*.ExternalIPAddress"));
        assertThat(((Parameter) ((IsNull) wildcard).operand()).path().hasWildcard()).isTrue();
    }

    @Test
    void parses_tags_device_id_fields_and_events() {
        assertThat(Precondition.parse("Tags.PENDING")).isEqualTo(new Term(new Tag("PENDING")));
        assertThat(Precondition.parse("Tags.my%20tag IS NULL")).isEqualTo(new IsNull(new Tag("my tag"), false));
        assertThat(Precondition.parse("DeviceID.ProductClass = 'HG8245'"))
                .isEqualTo(new Comparison(DeviceIdField.PRODUCT_CLASS, ComparisonOperator.EQ, Literal.of("HG8245")));
        assertThat(Precondition.parse("DeviceID.ID <> DeviceID.SerialNumber"))
                .isEqualTo(new Comparison(DeviceIdField.ID, ComparisonOperator.NE, DeviceIdField.SERIAL_NUMBER));
        assertThat(Precondition.parse("Events.1_BOOT")).isEqualTo(new Term(new Event("1 BOOT")));
        assertThat(Precondition.parse("Events.M_Download IS NOT NULL")).isEqualTo(new IsNull(new Event("M_Download"), true));
    }

    @Test
    void keywords_inside_words_are_names() {
        assertThat(Precondition.parse("Device.ANDROID.ORDER = 1"))
                .isEqualTo(new Comparison(Parameter.of("Device.ANDROID.ORDER"), ComparisonOperator.EQ, Literal.of(1)));
        assertThat(Precondition.parse("Tags.NOTE")).isEqualTo(new Term(new Tag("NOTE")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Tags.PENDING",
        "Tags.A AND Tags.B AND NOT Tags.C",
        "(Tags.A AND Tags.B) AND Tags.C",
        "Tags.A OR (Tags.B OR Tags.C)",
        "NOT (NOT Tags.A)",
        "NOT (Tags.A AND Tags.B) OR Tags.C = true",
        "Device.WiFi.SSID.*.SSID LIKE \"home%\" AND Device.X.1.Y NOT LIKE 'a_b'",
        "DeviceID.OUI = '001122' AND DeviceID.Manufacturer <> \"ACME \\\"Pro\\\"\"",
        "Events.0_BOOTSTRAP IS NOT NULL OR Events.1_BOOT IS NULL",
        "Device.A.B >= -2.5 AND Device.A.C < 1e20 AND Device.A.D <= 0.001 AND Device.A.E > -0",
        "Device.A.B = NULL OR Device.A.B = FALSE",
        "Tags.with%2Edot%20and%20space",
        "x.y = \"tab\\there\\u0001\""
    })
    void printing_then_parsing_gives_back_the_same_tree(String text) {
        Precondition parsed = Precondition.parse(text);
        String printed = parsed.toString();
        assertThat(Precondition.parse(printed)).isEqualTo(parsed);
        assertThat(Precondition.parse(printed).toString()).isEqualTo(printed);
    }

    @Test
    void prints_the_canonical_form() {
        assertThat(Precondition.parse("tags.x = 1 and (Tags.A or tags.b) and not Tags.C").toString())
                .isEqualTo("tags.x = 1 AND (Tags.A OR tags.b) AND NOT Tags.C");
        assertThat(Precondition.parse("x.y='it''s'").toString()).isEqualTo("x.y = \"it's\"");
        assertThat(Precondition.parse("x.y = 1.50").toString()).isEqualTo("x.y = 1.5");
        assertThat(Precondition.parse("Tags.A or Tags.B and Tags.C").toString()).isEqualTo("Tags.A OR Tags.B AND Tags.C");
    }

    @Test
    void empty_text_always_holds() {
        assertThat(Precondition.parse("")).isEqualTo(Precondition.always());
        assertThat(Precondition.parse("   ").isAlways()).isTrue();
        assertThat(Precondition.parse("true").isAlways()).isTrue();
        assertThat(Precondition.parse("Tags.A").isAlways()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Tags.A =              | 9  | a value or a parameter",
        "Tags.A AND            | 11 | a value or a parameter",
        "Tags.A Tags.B         | 8  | a comparison operator, LIKE, IS, AND, OR or the end of the expression",
        "(Tags.A               | 8  | ')', AND or OR",
        "Tags.A)               | 7  | AND, OR or the end of the expression",
        "x.y = 'open           | 7  | a closing ' for the string starting here",
        "x.y = \"open          | 7  | a closing \" for the string starting here",
        "x.y IS 1              | 8  | NULL or NOT NULL",
        "x.y IS NOT 1          | 12 | NULL",
        "x.y NOT 1             | 5  | a comparison operator, LIKE, IS, AND, OR or the end of the expression",
        "DeviceID.Serial = 'x' | 10 | a DeviceID field (ID, Manufacturer, OUI, ProductClass or SerialNumber)",
        "x.y = #               | 7  | a value or a parameter",
        "AND x.y = 1           | 1  | a value or a parameter (not the keyword AND)",
        "Tags. = 1             | 6  | a tag name after 'Tags.'",
        "Tags.a%2 = 1          | 7  | two hex digits after '%' in a tag name",
        "x.y = \"\\u12\"       | 8  | four hex digits after \\u",
    })
    void a_syntax_error_names_the_column_and_what_was_expected(String text, int column, String expected) {
        assertThatThrownBy(() -> Precondition.parse(text))
                .isInstanceOfSatisfying(PreconditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e).hasMessageContaining("column " + column);
                });
    }

    @Test
    void rejects_an_object_path_and_a_malformed_path() {
        assertThatThrownBy(() -> Precondition.parse("Device.WiFi. IS NULL"))
                .isInstanceOfSatisfying(PreconditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(12);
                    assertThat(e.expected()).contains("not an object path");
                });
        assertThatThrownBy(() -> Precondition.parse("Tags.A AND Device..X = 1"))
                .isInstanceOfSatisfying(PreconditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(12);
                    assertThat(e.expected()).startsWith("a parameter path");
                });
    }

    @Test
    void rejects_deep_nesting_and_huge_input_without_overflowing_the_stack() {
        String deep = "(".repeat(10_000) + "Tags.A" + ")".repeat(10_000);
        assertThatThrownBy(() -> Precondition.parse(deep))
                .isInstanceOf(PreconditionSyntaxException.class)
                .hasMessageContaining("nested");
        String nots = "NOT ".repeat(10_000) + "Tags.A";
        assertThatThrownBy(() -> Precondition.parse(nots)).isInstanceOf(PreconditionSyntaxException.class);
        String huge = "Tags.A OR ".repeat(10_000) + "Tags.B";
        assertThatThrownBy(() -> Precondition.parse(huge))
                .isInstanceOfSatisfying(PreconditionSyntaxException.class, e -> assertThat(e.column()).isEqualTo(65_537));
    }
}
