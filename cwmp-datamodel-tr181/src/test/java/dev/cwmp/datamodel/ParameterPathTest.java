package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cwmp.datamodel.ParameterPath.Alias;
import dev.cwmp.datamodel.ParameterPath.Instance;
import dev.cwmp.datamodel.ParameterPath.InstanceKeys;
import dev.cwmp.datamodel.ParameterPath.KeyValue;
import dev.cwmp.datamodel.ParameterPath.Name;
import dev.cwmp.datamodel.ParameterPath.Wildcard;

class ParameterPathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Device",
            "Device.",
            "Device.WiFi.SSID.3.SSID",
            "Device.WiFi.SSID.3.",
            "Device.WiFi.SSID.3",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.KeyPassphrase",
            "Device.WiFi.SSID.*.SSID",
            "Device.WiFi.SSID.[cpe-ssid-1].SSID",
            "Device.WiFi.SSID.[SSID:home,Enable:true].",
            "Device.IP.Interface.[IPv4Address.1.IPAddress:10.0.0.1].Name",
            "Device.X_TP_DeviceComponent",
            "Device.Hosts.Host.4294967295.",
            "Device.WiFi.SSID.[a\\:b\\,c\\]\\[\\\\].Enable",
            "_Hidden.my-name"
    })
    void prints_back_exactly_what_it_parsed(String text) {
        ParameterPath path = ParameterPath.parse(text);
        assertThat(path.toString()).isEqualTo(text);
        assertThat(ParameterPath.parse(path.toString())).isEqualTo(path).hasSameHashCodeAs(path);
        assertThat(ParameterPath.of(path.segments(), path.isPartial())).isEqualTo(path);
    }

    @Test
    void decodes_every_kind_of_segment() {
        ParameterPath path = ParameterPath.parse("Device.WiFi.SSID.3.X.*.[my\\:alias].[SSID:a\\,b,Enable:true]");
        assertThat(path.segments()).containsExactly(
                new Name("Device"), new Name("WiFi"), new Name("SSID"), new Instance(3), new Name("X"),
                new Wildcard(), new Alias("my:alias"),
                new InstanceKeys(List.of(new KeyValue("SSID", "a,b"), new KeyValue("Enable", "true"))));
        assertThat(path.segmentCount()).isEqualTo(8);
        assertThat(path.segment(3).selectsInstance()).isTrue();
        assertThat(path.segment(2).selectsInstance()).isFalse();
    }

    @Test
    void segments_print_with_escapes() {
        assertThat(new Alias("a:b]").toString()).isEqualTo("[a\\:b\\]]");
        assertThat(new InstanceKeys(List.of(new KeyValue("K", "x,y"))).toString()).isEqualTo("[K:x\\,y]");
        assertThat(ParameterPath.parse("Device.A.").child(new Alias("a:b")).toString()).isEqualTo("Device.A.[a\\:b].");
    }

    @Test
    void tells_partial_and_object_paths() {
        assertThat(ParameterPath.parse("Device.WiFi.").isPartial()).isTrue();
        assertThat(ParameterPath.parse("Device.WiFi.").isObjectPath()).isTrue();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.2").isPartial()).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.2").isObjectPath()).isTrue();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.2.SSID").isObjectPath()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "Device.WiFi.SSID.3.SSID, Device.WiFi.SSID.{i}.SSID",
            "Device.WiFi.SSID.3., Device.WiFi.SSID.{i}.",
            "Device.WiFi.SSID.3, Device.WiFi.SSID.{i}.",
            "Device.WiFi.SSID.*.Enable, Device.WiFi.SSID.{i}.Enable",
            "Device.WiFi.SSID.[cpe-1].Enable, Device.WiFi.SSID.{i}.Enable",
            "Device.IP.Interface.2.IPv4Address.[Enable:true].IPAddress, Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress",
            "Device.DeviceInfo.Manufacturer, Device.DeviceInfo.Manufacturer",
            "Device.DeviceInfo., Device.DeviceInfo."
    })
    void maps_an_instance_path_to_its_definition_path(String path, String definition) {
        assertThat(ParameterPath.parse(path).definitionPath()).isEqualTo(definition);
    }

    @Test
    void navigates_parents_children_and_prefixes() {
        ParameterPath ssid = ParameterPath.parse("Device.WiFi.SSID.3.SSID");
        assertThat(ssid.parent()).contains(ParameterPath.parse("Device.WiFi.SSID.3."));
        assertThat(ssid.parent().flatMap(ParameterPath::parent)).contains(ParameterPath.parse("Device.WiFi.SSID."));
        assertThat(ParameterPath.parse("Device.").parent()).isEmpty();
        assertThat(ParameterPath.parse("Device.WiFi").parent()).contains(ParameterPath.root("Device"));
        assertThat(ParameterPath.parse("Device.WiFi.SSID.").child(3).child("SSID")).isEqualTo(ssid);
        assertThat(ParameterPath.parse("Device.WiFi.SSID.3").child("SSID")).isEqualTo(ssid);
        assertThat(ParameterPath.root("Device").childObject("WiFi")).isEqualTo(ParameterPath.parse("Device.WiFi."));
        assertThat(ParameterPath.parse("Device.WiFi").toPartial()).isEqualTo(ParameterPath.parse("Device.WiFi."));
        assertThat(ssid.prefix(2)).isEqualTo(ParameterPath.parse("Device.WiFi."));
        assertThat(ssid.rootName()).isEqualTo("Device");
        assertThat(ssid.lastName()).isEqualTo("SSID");
        assertThat(ssid.instanceNumbers()).containsExactly(3L);
        assertThatThrownBy(() -> ssid.child("1abc")).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void starts_with_whole_segments_only() {
        ParameterPath ssid = ParameterPath.parse("Device.WiFi.SSID.3.SSID");
        assertThat(ssid.startsWith(ParameterPath.parse("Device.WiFi."))).isTrue();
        assertThat(ssid.startsWith(ParameterPath.parse("Device.WiFi"))).isTrue();
        assertThat(ssid.startsWith(ssid)).isTrue();
        assertThat(ssid.startsWith(ParameterPath.parse("Device.Wi"))).isFalse();
        assertThat(ssid.startsWith(ParameterPath.parse("Device.WiFi.SSID.3.SSID."))).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.30.SSID").startsWith(ParameterPath.parse("Device.WiFi.SSID.3"))).isFalse();
    }

    @Test
    void flags_vendor_extensions_and_wildcards() {
        assertThat(ParameterPath.parse("Device.WiFi.AccessPoint.1.Security.X_TP_PSKType").isVendorSpecific()).isTrue();
        assertThat(ParameterPath.parse("Device.X_000E50_Foo.").isVendorSpecific()).isTrue();
        assertThat(ParameterPath.parse("Device.WiFi.XSSID").isVendorSpecific()).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.*.SSID").hasWildcard()).isTrue();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.*.SSID").isConcrete()).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.[a].SSID").hasWildcard()).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.[a].SSID").isConcrete()).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.1.SSID").isConcrete()).isTrue();
    }

    @Test
    void wildcard_matches_any_instance_with_the_same_shape() {
        ParameterPath pattern = ParameterPath.parse("Device.WiFi.SSID.*.SSID");
        assertThat(pattern.matches(ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).isTrue();
        assertThat(pattern.matches(ParameterPath.parse("Device.WiFi.SSID.17.SSID"))).isTrue();
        assertThat(pattern.matches(ParameterPath.parse("Device.WiFi.SSID.1.Enable"))).isFalse();
        assertThat(pattern.matches(ParameterPath.parse("Device.WiFi.SSID.1.SSID.X"))).isFalse();
        assertThat(pattern.matches(ParameterPath.parse("Device.WiFi.Radio.1.SSID"))).isFalse();
        assertThat(pattern.matches(ParameterPath.parse("Device.WiFi.SSID.Foo.SSID"))).isFalse();
    }

    @Test
    void partial_pattern_covers_everything_below_it() {
        ParameterPath pattern = ParameterPath.parse("Device.WiFi.SSID.*.");
        assertThat(pattern.covers(ParameterPath.parse("Device.WiFi.SSID.2.SSID"))).isTrue();
        assertThat(pattern.covers(ParameterPath.parse("Device.WiFi.SSID.2."))).isTrue();
        assertThat(pattern.covers(ParameterPath.parse("Device.WiFi.SSID."))).isFalse();
        assertThat(pattern.covers(ParameterPath.parse("Device.WiFi.Radio.2.Channel"))).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.1.SSID").covers(ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).isTrue();
    }

    @Test
    void alias_and_keys_match_through_instance_values() {
        Map<String, String> values = Map.of(
                "Device.WiFi.SSID.1.Alias", "cpe-1", "Device.WiFi.SSID.1.SSID", "home", "Device.WiFi.SSID.1.Enable", "true",
                "Device.WiFi.SSID.2.Alias", "guest", "Device.WiFi.SSID.2.SSID", "visitors", "Device.WiFi.SSID.2.Enable", "true");
        ParameterPath.InstanceValues lookup = (instance, name) -> Optional.ofNullable(values.get(instance + name));
        ParameterPath one = ParameterPath.parse("Device.WiFi.SSID.1.SSID");
        ParameterPath two = ParameterPath.parse("Device.WiFi.SSID.2.SSID");

        ParameterPath byAlias = ParameterPath.parse("Device.WiFi.SSID.[guest].SSID");
        assertThat(byAlias.matches(two, lookup)).isTrue();
        assertThat(byAlias.matches(one, lookup)).isFalse();
        assertThat(byAlias.matches(two)).as("without values an alias matches only itself").isFalse();
        assertThat(byAlias.matches(byAlias)).isTrue();

        ParameterPath byKeys = ParameterPath.parse("Device.WiFi.SSID.[SSID:home,Enable:true].SSID");
        assertThat(byKeys.matches(one, lookup)).isTrue();
        assertThat(byKeys.matches(two, lookup)).isFalse();
        assertThat(ParameterPath.parse("Device.WiFi.SSID.[Enable:true].").covers(two, lookup)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> index {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | 0  | empty path",
            ".Device                              | 0  | a path cannot start with '.'",
            "Device..WiFi                         | 7  | empty segment (two dots in a row)",
            "Device.Wi Fi                         | 9  | ' ' is not allowed in a name",
            "Device.WiFi.SSID.01.SSID             | 17 | instance numbers start at 1 and have no leading zeros",
            "Device.WiFi.SSID.0.                  | 17 | instance numbers start at 1",
            "Device.WiFi.SSID.4294967296.         | 17 | instance number out of range 1..4294967295",
            "Device.WiFi.SSID.99999999999.        | 17 | instance number out of range 1..4294967295",
            "Device.WiFi.SSID.3a.                 | 17 | a name must start with a letter or '_'",
            "Device.WiFi.SSID.3!.                 | 18 | '!' is not allowed in an instance number",
            "Device.WiFi.SSID.*a.                 | 18 | the wildcard '*' must be a whole segment",
            "1.WiFi                               | 0  | a path starts with the name of its root object",
            "*.WiFi                               | 0  | a path starts with the name of its root object",
            "Device.WiFi.SSID.[abc                | 17 | '[' is never closed",
            "Device.WiFi.SSID.[].                 | 17 | empty brackets",
            "Device.WiFi.SSID.[a]b.               | 20 | expected '.' after ']'",
            "Device.WiFi.SSID.[a[b].              | 19 | '[' inside brackets must be escaped",
            "Device.WiFi.SSID.[a\\x].             | 19 | invalid escape",
            "Device.WiFi.SSID.[a,b].              | 19 | ',' in an alias must be escaped",
            "Device.WiFi.SSID.[:v].               | 18 | empty key before ':'",
            "Device.WiFi.SSID.[K:v,w].            | 22 | expected Key:Value",
            "Device.WiFi.SSID.[K:v:w].            | 21 | ':' in a key's value must be escaped",
            "Device.WiFi.SSID.[K:v,K:w].          | 22 | key \"K\" appears twice",
            "Device.WiFi.SSID.[1K:v].             | 18 | key \"1K\" is not a name",
            "Device.WiFi.SSID.$                   | 17 | unexpected character '$'",
    })
    void rejects_malformed_paths_saying_why_and_where(String text, int index, String reason) {
        assertThatThrownBy(() -> ParameterPath.parse(text))
                .isInstanceOf(InvalidPathException.class)
                .isInstanceOf(DataModelException.class)
                .hasMessageContaining("at index " + index + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> {
                    assertThat(((InvalidPathException) e).index()).isEqualTo(index);
                    assertThat(((InvalidPathException) e).path()).isEqualTo(text);
                });
    }

    @Test
    void rejects_overlong_paths_and_aliases() {
        assertThatThrownBy(() -> ParameterPath.parse("Device." + "A".repeat(ParameterPath.MAX_LENGTH)))
                .isInstanceOf(InvalidPathException.class).hasMessageContaining("longer than 1024 characters");
        assertThatThrownBy(() -> ParameterPath.parse("Device.A.[" + "a".repeat(65) + "]."))
                .isInstanceOf(InvalidPathException.class).hasMessageContaining("alias longer than 64");
        assertThat(ParameterPath.parse("Device.A.[" + "a".repeat(64) + "].").segment(2))
                .isEqualTo(new Alias("a".repeat(64)));
    }

    @Test
    void describes_control_characters_by_code_point() {
        assertThatThrownBy(() -> ParameterPath.parse("Device.A\u0000"))
                .isInstanceOf(InvalidPathException.class).hasMessageContaining("U+0000");
    }

    @Test
    void equality_is_by_canonical_text() {
        assertThat(ParameterPath.parse("Device.WiFi.")).isNotEqualTo(ParameterPath.parse("Device.WiFi"));
        assertThat(ParameterPath.parse("Device.WiFi.SSID.[A:1,B:2].")).isNotEqualTo(ParameterPath.parse("Device.WiFi.SSID.[B:2,A:1]."));
        assertThat(ParameterPath.parse("Device.WiFi.SSID.1.").child("SSID")).isEqualTo(ParameterPath.parse("Device.WiFi.SSID.1.SSID"));
    }
}
