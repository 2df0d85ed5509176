package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyPreconditionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}                                                          | true",
        "{\"_tags\": \"PENDING\"}                                    | Tags.PENDING IS NOT NULL",
        "{\"_tags\": {\"$ne\": \"DONE\"}}                            | Tags.DONE IS NULL",
        "{\"_tags\": {\"$eq\": \"A\", \"$ne\": \"B\"}}               | Tags.A IS NOT NULL AND Tags.B IS NULL",
        "{\"Tags.X\": true}                                          | Tags.X IS NOT NULL",
        "{\"Tags.X\": {\"$exists\": false}}                          | Tags.X IS NULL",
        "{\"Tags.X\": {\"$ne\": true}}                               | Tags.X IS NULL",
        "{\"DeviceID.ProductClass\": \"HG8245\"}                     | DeviceID.ProductClass = \"HG8245\"",
        "{\"Device.DeviceInfo.UpTime\": {\"$gt\": 60, \"$lte\": 3600}} | Device.DeviceInfo.UpTime > 60 AND Device.DeviceInfo.UpTime <= 3600",
        "{\"Device.A.B\": {\"$lt\": 1.5}, \"Device.A.C\": {\"$gte\": true}} | Device.A.B < 1.5 AND Device.A.C >= true",
        "{\"DeviceID.OUI\": {\"$ne\": \"001122\"}}                   | DeviceID.OUI <> \"001122\" OR DeviceID.OUI IS NULL",
        "{\"$or\": [{\"_tags\": \"A\"}, {\"_tags\": \"B\"}]}         | Tags.A IS NOT NULL OR Tags.B IS NOT NULL",
        "{\"$and\": [{\"_tags\": \"A\"}, {\"Device.X.Y\": 1}], \"_tags\": \"C\"} | (Tags.A IS NOT NULL AND Device.X.Y = 1) AND Tags.C IS NOT NULL",
    })
    void converts_legacy_json_as_genieacs_does(String json, String expected) {
        Precondition p = Precondition.parse(json);
        assertThat(p.toString()).isEqualTo(expected);
        assertThat(Precondition.parse(p.toString())).isEqualTo(p);
    }

    @Test
    void ne_also_matches_a_missing_parameter() {
        Precondition p = Precondition.parse("{\"DeviceID.OUI\": {\"$ne\": \"001122\"}, \"Device.X.Y\": {\"$ne\": 1}}");
        DeviceView device = DeviceView.builder(new dev.cwmp.session.DeviceId("AABBCC", "", "S")).build();
        assertThat(p.test(device)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"$nor\": []}                            | 2  | $and or $or (operator $nor is not supported)",
        "{\"Device.X\": {\"$in\": [1]}}            | 15 | $eq, $ne, $lt, $lte, $gt or $gte (operator $in is not supported)",
        "{\"Device.X\": [1]}                       | 14 | a string, number or boolean",
        "{\"Device.X\": null}                      | 14 | a string, number or boolean",
        "{\"_tags\": 5}                            | 11 | a tag name or {\"$eq\"|\"$ne\": tag}",
        "{\"Device..X\": 1}                        | 3  | a parameter path (",
        "{\"a\": 1,}                               | 9  | well-formed JSON (",
        "{\"$or\": {}}                             | 9  | an array of query objects",
        "{\"$or\": []}                             | 10 | at least one query object in $or",
    })
    void a_malformed_legacy_query_names_the_column(String json, int column, String expected) {
        assertThatThrownBy(() -> Precondition.parse(json))
                .isInstanceOfSatisfying(PreconditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.expected()).startsWith(expected);
                });
    }
}
