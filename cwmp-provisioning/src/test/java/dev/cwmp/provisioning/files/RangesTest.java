package dev.cwmp.provisioning.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.provisioning.files.internal.Ranges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Range header as the file server reads it, for a 200-byte file. */
class RangesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-0|0-0",
        "bytes=0-199|0-199",
        "bytes=0-|0-199",
        "bytes=199-|199-199",
        "bytes=10-10000|10-199",
        "bytes=-1|199-199",
        "bytes=-200|0-199",
        "bytes=-201|0-199",
        "bytes=-99999999999999999999999|0-199",
        "BYTES=5-6|5-6",
        "'  bytes = 5 - 6 '|whole",
        "bytes= 5-6|5-6",
        "bytes=200-|416",
        "bytes=200-200|416",
        "bytes=-0|416",
        "bytes=99999999999999999999-|416",
        "bytes=6-5|whole",
        "bytes=0-1,3-4|whole",
        "bytes=x-1|whole",
        "bytes=1-x|whole",
        "bytes=1|whole",
        "bytes=--1|whole",
        "bytes=+1-2|whole",
        "bytes=|whole",
        "chunks=0-1|whole",
    })
    void reads_one_byte_range_and_ignores_what_it_does_not_understand(String header, String expected) {
        Ranges.Result r = Ranges.parse(header, 200);
        String got = r.unsatisfiable() ? "416" : r.partial() ? r.first() + "-" + r.last() : "whole";
        assertThat(got).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"bytes=0-", "bytes=-1", "bytes=0-0"})
    void every_range_of_an_empty_file_is_unsatisfiable(String header) {
        assertThat(Ranges.parse(header, 0).unsatisfiable()).isTrue();
    }
}
