package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.TypedValue.DateTimeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedValueTest {

    @ParameterizedTest
    @CsvSource({
        "BOOLEAN, 1, true", "BOOLEAN, 0, false", "BOOLEAN, true, true",
        "INT, -0042, -42", "INT, +7, 7", "UNSIGNED_INT, 0004294967295, 4294967295",
        "LONG, -9223372036854775808, -9223372036854775808",
        "UNSIGNED_LONG, 18446744073709551615, 18446744073709551615",
        "DECIMAL, 012.50, 12.50",
        "HEX_BINARY, 0A0bFF, 0a0bff",
        "BASE64, 'AQID', 'AQID'",
        "DATE_TIME, 2024-06-01T12:00:00.500000Z, 2024-06-01T12:00:00.5Z",
        "DATE_TIME, 2024-06-01T12:00:00+00:00, 2024-06-01T12:00:00Z",
        "DATE_TIME, 2024-06-01T12:00:00-05:30, 2024-06-01T12:00:00-05:30",
        "DATE_TIME, 2024-06-01T12:00:00, 2024-06-01T12:00:00",
        "STRING, ' as is ', ' as is '"})
    void values_print_back_canonically(BaseType type, String wire, String canonical) {
        TypedValue value = DataType.of(type).parse(wire);

        assertThat(value.baseType()).isEqualTo(type);
        assertThat(value.wireText()).isEqualTo(canonical);
        assertThat(DataType.of(type).parse(value.wireText())).isEqualTo(value);
    }

    @Test
    void numbers_parse_to_their_java_types() {
        assertThat(DataType.of(BaseType.INT).parse("-5")).isEqualTo(new TypedValue.IntValue(-5));
        assertThat(DataType.of(BaseType.UNSIGNED_INT).parse("5")).isEqualTo(new TypedValue.UnsignedIntValue(5));
        assertThat(DataType.of(BaseType.LONG).parse("5")).isEqualTo(new TypedValue.LongValue(5));
        assertThat(DataType.of(BaseType.UNSIGNED_LONG).parse("5"))
                .isEqualTo(new TypedValue.UnsignedLongValue(BigInteger.valueOf(5)));
        assertThat(DataType.of(BaseType.DECIMAL).parse("-1.25"))
                .isEqualTo(new TypedValue.DecimalValue(new BigDecimal("-1.25")));
    }

    @Test
    void unknown_time_is_recognised() {
        DateTimeValue unknown = (DateTimeValue) DataType.of(BaseType.DATE_TIME).parse("0001-01-01T00:00:00Z");

        assertThat(unknown).isEqualTo(DateTimeValue.UNKNOWN);
        assertThat(unknown.isUnknown()).isTrue();
        assertThat(unknown.isRelative()).isFalse();
        assertThat(unknown.toInstant()).isEmpty();
    }

    @Test
    void times_in_year_0001_are_relative_to_boot() {
        DateTimeValue relative = (DateTimeValue) DataType.of(BaseType.DATE_TIME).parse("0001-01-01T00:05:00Z");

        assertThat(relative.isRelative()).isTrue();
        assertThat(relative.isUnknown()).isFalse();
        assertThat(relative.toInstant()).isEmpty();
        assertThat(relative.wireText()).isEqualTo("0001-01-01T00:05:00Z");
    }

    @Test
    void infinite_time_is_recognised() {
        DateTimeValue infinite = (DateTimeValue) DataType.of(BaseType.DATE_TIME).parse("9999-12-31T23:59:59Z");

        assertThat(infinite.isInfinite()).isTrue();
        assertThat(infinite.toInstant()).isEmpty();
    }

    @Test
    void absolute_time_with_offset_has_an_instant() {
        DateTimeValue time = (DateTimeValue) DataType.of(BaseType.DATE_TIME).parse("2024-06-01T14:00:00+02:00");

        assertThat(time.toInstant()).contains(Instant.parse("2024-06-01T12:00:00Z"));
        assertThat(new DateTimeValue(LocalDateTime.of(2024, 6, 1, 12, 0), Optional.empty()).toInstant()).isEmpty();
        assertThat(time.offset()).contains(ZoneOffset.ofHours(2));
    }

    @Test
    void binary_values_compare_by_content_and_copy_their_bytes() {
        TypedValue.HexBinaryValue value = new TypedValue.HexBinaryValue(new byte[] {1, 2});
        byte[] bytes = value.bytes();
        bytes[0] = 9;

        assertThat(value).isEqualTo(new TypedValue.HexBinaryValue(new byte[] {1, 2}));
        assertThat(value.bytes()).containsExactly(1, 2);
        assertThat(value.length()).isEqualTo(2);
        assertThat(new TypedValue.Base64Value(new byte[] {1})).isEqualTo(new TypedValue.Base64Value(new byte[] {1}));
    }

    @Test
    void out_of_range_records_cannot_be_built() {
        assertThatThrownBy(() -> new TypedValue.UnsignedIntValue(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TypedValue.UnsignedLongValue(BigInteger.ONE.shiftLeft(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalid_text_throws_with_the_reason() {
        assertThatThrownBy(() -> DataType.of(BaseType.UNSIGNED_INT).parse("-1"))
                .isInstanceOf(DataModelException.class)
                .hasMessageContaining("outside the unsignedInt range");
    }
}
