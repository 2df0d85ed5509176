package dev.cwmp.datamodel.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.Access;
import dev.cwmp.datamodel.BaseType;
import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.DataType;
import dev.cwmp.datamodel.ObjectDefinition;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.ParameterDefinition.DefaultValue;
import dev.cwmp.datamodel.Status;
import dev.cwmp.datamodel.internal.ModelLoader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator on small fixtures: named types, refinements, lists, defaults, and the loader reading it back. */
class ModelGeneratorTest {

    private static final String TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE cwmp-datamodel-entities [
              <!ENTITY dot "\\.">
              <!ENTITY octet "(25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])">  <!-- 0 to 255 -->
            ]>
            <dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-14" spec="urn:x" file="types.xml">
              <dataType name="IPAddress"><description>prose</description><string><size maxLength="45"/></string></dataType>
              <dataType name="IPv4Address" base="IPAddress">
                <size maxLength="15"/>
                <pattern value=""/>
                <pattern value="(&octet;&dot;){3}&octet;"/>
              </dataType>
              <dataType name="Pair"><list minItems="2" maxItems="2"/><int/></dataType>
            </dm:document>
            """;

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-14"
                xmlns:dmr="urn:broadband-forum-org:cwmp:datamodel-report-1-0" spec="urn:x" file="test.xml">
              <dataType name="Percent"><unsignedInt><range minInclusive="0" maxInclusive="100"/><units value="percent"/></unsignedInt></dataType>
              <model name="Test:1.2">
                <object name="Test." access="readOnly" minEntries="1" maxEntries="1">
                  <description>The root.</description>
                  <parameter name="ThingNumberOfEntries" access="readOnly"><syntax><unsignedInt/></syntax></parameter>
                </object>
                <object name="Test.Thing.{i}." access="readWrite" minEntries="0" maxEntries="unbounded"
                    numEntriesParameter="ThingNumberOfEntries" enableParameter="Enable" dmr:fixedObject="x">
                  <uniqueKey functional="false"><parameter ref="Alias"/></uniqueKey>
                  <uniqueKey><parameter ref="Name"/><parameter ref="Address"/></uniqueKey>
                  <parameter name="Enable" access="readWrite">
                    <syntax><boolean/><default type="object" value="false"/></syntax>
                  </parameter>
                  <parameter name="Alias" access="readWrite"><syntax><string><size maxLength="64"/></string></syntax></parameter>
                  <parameter name="Name" access="readOnly" status="deprecated" forcedInform="true">
                    <syntax><string><size maxLength="32"/><enumeration value="A"/><enumeration value="B" status="deleted"/><enumeration value="C" access="readOnly"/></string></syntax>
                  </parameter>
                  <parameter name="Address" access="readWrite"><syntax><dataType ref="IPv4Address"/></syntax></parameter>
                  <parameter name="Servers" access="readWrite">
                    <syntax><list maxItems="4"><size maxLength="256"/></list><dataType ref="IPAddress"/></syntax>
                  </parameter>
                  <parameter name="Load" access="readOnly" activeNotify="canDeny">
                    <syntax><dataType ref="Percent"><range minInclusive="0" maxInclusive="50" step="5"/></dataType></syntax>
                  </parameter>
                  <parameter name="Pairs" access="readOnly"><syntax><dataType ref="Pair"/></syntax></parameter>
                  <parameter name="Key" access="readWrite"><syntax secured="true"><hexBinary><size minLength="0" maxLength="32"/></hexBinary></syntax></parameter>
                </object>
                <profile name="Baseline:1"><object ref="Test." requirement="present"/></profile>
              </model>
            </dm:document>
            """;

    @TempDir
    Path dir;

    private DataModel generateAndLoad() throws IOException {
        Files.writeString(dir.resolve("tr-106-types.xml"), TYPES);
        Files.writeString(dir.resolve("test.xml"), MODEL);
        return ModelLoader.load(new StringReader(ModelGenerator.generateText(dir, "test.xml")));
    }

    @Test
    void writes_every_object_and_parameter_of_the_model_but_not_profiles() throws IOException {
        DataModel model = generateAndLoad();

        assertThat(model.modelName()).isEqualTo("Test:1.2");
        assertThat(model.objects()).extracting(ObjectDefinition::path).containsExactly("Test.", "Test.Thing.{i}.");
        assertThat(model.parameters()).hasSize(9);
    }

    @Test
    void objects_keep_entries_keys_and_counter() throws IOException {
        ObjectDefinition thing = generateAndLoad().object("Test.Thing.{i}.").orElseThrow();

        assertThat(thing).isEqualTo(new ObjectDefinition("Test.Thing.{i}.", true, Access.READ_WRITE, 0,
                OptionalInt.empty(), List.of(List.of("Alias"), List.of("Name", "Address")),
                java.util.Optional.of("Test.ThingNumberOfEntries"), java.util.Optional.of("Enable"), Status.CURRENT));
    }

    @Test
    void derived_named_type_inherits_and_replaces_facets_with_entities_expanded() throws IOException {
        DataType address = generateAndLoad().parameter("Test.Thing.{i}.Address").orElseThrow().type();

        assertThat(address.namedTypes()).containsExactly("IPv4Address", "IPAddress");
        assertThat(address.maxLength()).isEqualTo(OptionalInt.of(15));
        assertThat(address.patterns()).containsExactly("",
                "((25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])");
        assertThat(address.validate("10.0.0.1").isValid()).isTrue();
    }

    @Test
    void parameter_refinement_replaces_the_named_type_range_and_keeps_its_units() throws IOException {
        ParameterDefinition load = generateAndLoad().parameter("Test.Thing.{i}.Load").orElseThrow();

        assertThat(load.type().baseType()).isEqualTo(BaseType.UNSIGNED_INT);
        assertThat(load.type().name()).contains("Percent");
        assertThat(load.type().ranges()).hasSize(1);
        assertThat(load.type().ranges().get(0).toString()).isEqualTo("[0..50] step 5");
        assertThat(load.units()).contains("percent");
        assertThat(load.flags()).containsExactly(ParameterDefinition.Flag.ACTIVE_NOTIFY_CAN_DENY);
    }

    @Test
    void list_facets_come_from_the_syntax_or_the_named_type() throws IOException {
        DataModel model = generateAndLoad();
        DataType servers = model.parameter("Test.Thing.{i}.Servers").orElseThrow().type();
        DataType pairs = model.parameter("Test.Thing.{i}.Pairs").orElseThrow().type();

        assertThat(servers.list()).hasValueSatisfying(list -> {
            assertThat(list.maxItems()).isEqualTo(OptionalInt.of(4));
            assertThat(list.size().orElseThrow().maxLength()).isEqualTo(OptionalInt.of(256));
        });
        assertThat(servers.maxLength()).isEqualTo(OptionalInt.of(45));
        assertThat(pairs.list().orElseThrow().minItems()).isEqualTo(2);
        assertThat(pairs.validate("1,-2").isValid()).isTrue();
        assertThat(pairs.validate("1").isValid()).isFalse();
    }

    @Test
    void defaults_status_flags_and_deleted_enumeration_values() throws IOException {
        DataModel model = generateAndLoad();
        ParameterDefinition enable = model.parameter("Test.Thing.{i}.Enable").orElseThrow();
        ParameterDefinition name = model.parameter("Test.Thing.{i}.Name").orElseThrow();
        ParameterDefinition key = model.parameter("Test.Thing.{i}.Key").orElseThrow();

        assertThat(enable.defaultValue()).contains(new DefaultValue(DefaultValue.Kind.OBJECT, "false"));
        assertThat(name.status()).isEqualTo(Status.DEPRECATED);
        assertThat(name.type().enumerations()).containsExactly("A", "C");
        assertThat(name.type().readOnlyEnumerations()).containsExactly("C");
        assertThat(name.flags()).containsExactly(ParameterDefinition.Flag.FORCED_INFORM);
        assertThat(key.isSecret()).isTrue();
        assertThat(key.type().baseType()).isEqualTo(BaseType.HEX_BINARY);
    }

    @Test
    void identical_types_are_written_once() throws IOException {
        Files.writeString(dir.resolve("tr-106-types.xml"), TYPES);
        Files.writeString(dir.resolve("test.xml"), MODEL.replace(
                "<parameter name=\"Alias\" access=\"readWrite\"><syntax><string><size maxLength=\"64\"/></string></syntax></parameter>",
                "<parameter name=\"Alias\" access=\"readWrite\"><syntax><string><size maxLength=\"64\"/></string></syntax></parameter>"
                        + "<parameter name=\"Other\" access=\"readWrite\"><syntax><string><size maxLength=\"64\"/></string></syntax></parameter>"));
        String text = ModelGenerator.generateText(dir, "test.xml");
        DataModel model = ModelLoader.load(new StringReader(text));

        assertThat(text.lines().filter(line -> line.equals("T\tstring\ts=..64")).count()).isEqualTo(1);
        assertThat(model.parameter("Test.Thing.{i}.Other").orElseThrow().type())
                .isSameAs(model.parameter("Test.Thing.{i}.Alias").orElseThrow().type());
    }

    @Test
    void unknown_named_type_is_an_error() throws IOException {
        Files.writeString(dir.resolve("tr-106-types.xml"), TYPES);
        Files.writeString(dir.resolve("test.xml"), MODEL.replace("ref=\"Pair\"", "ref=\"NoSuchType\""));

        assertThatThrownBy(() -> ModelGenerator.generateText(dir, "test.xml"))
                .hasMessageContaining("Test.Thing.{i}.Pairs: unknown data type NoSuchType");
    }

    @Test
    void refuses_external_entities() throws IOException {
        Path evil = dir.resolve("evil.xml");
        Files.writeString(evil, """
                <?xml version="1.0"?>
                <!DOCTYPE doc [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <doc>&xxe;</doc>
                """);

        assertThatThrownBy(() -> XmlTree.read(evil)).hasMessageContaining("unsupported DTD declaration");
    }

    @Test
    void refuses_an_external_dtd() throws IOException {
        Path evil = dir.resolve("evil.xml");
        Files.writeString(evil, """
                <?xml version="1.0"?>
                <!DOCTYPE doc SYSTEM "http://127.0.0.1/evil.dtd">
                <doc/>
                """);

        assertThatThrownBy(() -> XmlTree.read(evil)).hasMessageContaining("unsupported DOCTYPE");
    }
}
