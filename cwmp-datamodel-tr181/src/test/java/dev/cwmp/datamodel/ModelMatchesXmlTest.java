package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.internal.ModelFormat;
import dev.cwmp.datamodel.tool.ModelGenerator;
import dev.cwmp.datamodel.tool.XmlTree;
import dev.cwmp.datamodel.tool.XmlTree.Element;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the committed models against the Broadband Forum XML in ../shared/bbf (skipped without it). */
class ModelMatchesXmlTest {

    private static final Set<String> BASE_TYPES = Set.of("string", "int", "unsignedInt", "long", "unsignedLong",
            "boolean", "dateTime", "base64", "hexBinary", "decimal");

    private static DataModel model(String root) {
        return DataModel.forRoot(root).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"tr-181-2-17-0-cwmp-full.xml, Device", "tr-098-1-8-0-full.xml, InternetGatewayDevice"})
    void loads_as_many_objects_and_parameters_as_the_xml_defines(String file, String root) throws Exception {
        int[] counted = countDefinitions(BbfFiles.bbfDir().resolve(file));

        DataModel model = model(root);
        assertThat(model.objects()).hasSize(counted[0]);
        assertThat(model.parameters()).hasSize(counted[1]);
    }

    @ParameterizedTest
    @CsvSource({"tr-181-2-17-0-cwmp-full.xml, Device", "tr-098-1-8-0-full.xml, InternetGatewayDevice"})
    void committed_resource_is_what_the_generator_makes_from_the_xml(String file, String root) throws Exception {
        String generated = ModelGenerator.generateText(BbfFiles.bbfDir(), file);
        String resource = root.equals("Device") ? ModelFormat.TR181_RESOURCE : ModelFormat.TR098_RESOURCE;
        String committed;
        try (InputStream in = new GZIPInputStream(ModelFormat.class.getResourceAsStream(resource))) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(committed).as("regenerate with -Pgenerate-model (see ModelGenerator)").isEqualTo(generated);
    }

    @ParameterizedTest
    @CsvSource({"tr-181-2-17-0-cwmp-full.xml, Device", "tr-098-1-8-0-full.xml, InternetGatewayDevice"})
    void every_object_matches_its_xml_definition_field_by_field(String file, String root) throws Exception {
        DataModel model = model(root);
        Element xmlModel = XmlTree.read(BbfFiles.bbfDir().resolve(file)).child("model").orElseThrow();
        assertThat(model.modelName()).isEqualTo(xmlModel.attribute("name").orElseThrow());

        for (Element xml : xmlModel.children("object")) {
            String path = xml.attribute("name").orElseThrow();
            ObjectDefinition object = model.object(path).orElseThrow(() -> new AssertionError(path));
            String max = xml.attributeOr("maxEntries", "1");
            List<List<String>> keys = new ArrayList<>();
            for (Element key : xml.children("uniqueKey")) {
                keys.add(key.children("parameter").stream().map(p -> p.attribute("ref").orElseThrow()).toList());
            }
            assertThat(object).as(path).isEqualTo(new ObjectDefinition(
                    path,
                    path.endsWith(".{i}."),
                    Access.fromXmlName(xml.attributeOr("access", "readOnly")),
                    Integer.parseInt(xml.attributeOr("minEntries", "1")),
                    max.equals("unbounded") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(max)),
                    keys,
                    object.numEntriesParameter(),
                    xml.attribute("enableParameter"),
                    Status.fromXmlName(xml.attributeOr("status", "current"))));
            assertThat(object.numEntriesParameter().isPresent()).as(path)
                    .isEqualTo(xml.attribute("numEntriesParameter").isPresent());
            object.numEntriesParameter().ifPresent(counter -> {
                assertThat(counter).endsWith("." + xml.attribute("numEntriesParameter").orElseThrow());
                if (object.multiInstance()) {
                    // (TR-181 2.17 names a counter on one single-instance object, ...STAMLD.{i}.WiFi7Capabilities.,
                    // that it never defines; for tables the counter always exists.)
                    assertThat(model.parameter(counter)).as(counter).isPresent();
                }
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"tr-181-2-17-0-cwmp-full.xml, Device", "tr-098-1-8-0-full.xml, InternetGatewayDevice"})
    void every_parameter_matches_its_xml_definition_field_by_field(String file, String root) throws Exception {
        DataModel model = model(root);
        Element xmlModel = XmlTree.read(BbfFiles.bbfDir().resolve(file)).child("model").orElseThrow();
        int inlineTypesChecked = 0;
        for (Element object : xmlModel.children("object")) {
            for (Element xml : object.children("parameter")) {
                String path = object.attribute("name").orElseThrow() + xml.attribute("name").orElseThrow();
                ParameterDefinition parameter = model.parameter(path).orElseThrow(() -> new AssertionError(path));
                Element syntax = xml.child("syntax").orElseThrow();

                assertThat(parameter.access()).as(path).isEqualTo(Access.fromXmlName(xml.attributeOr("access", "readOnly")));
                assertThat(parameter.status()).as(path).isEqualTo(Status.fromXmlName(xml.attributeOr("status", "current")));
                assertThat(parameter.isSecret()).as(path).isEqualTo(
                        "true".equals(syntax.attributeOr("secured", "")) || "true".equals(syntax.attributeOr("hidden", "")));
                Optional<Element> xmlDefault = syntax.children("default").stream()
                        .filter(d -> !"deleted".equals(d.attributeOr("status", ""))).reduce((a, b) -> b);
                assertThat(parameter.defaultValue().map(d -> d.kind().name().toLowerCase(Locale.ROOT) + "=" + d.value()))
                        .as(path).isEqualTo(xmlDefault.map(d -> d.attributeOr("type", "object") + "=" + d.attributeOr("value", "")));
                assertThat(parameter.type().isList()).as(path).isEqualTo(syntax.child("list").isPresent()
                        || (parameter.type().isList() && syntax.child("dataType").isPresent()));

                Optional<Element> inline = syntax.children().stream().filter(e -> BASE_TYPES.contains(e.name())).findFirst();
                if (inline.isPresent()) {
                    checkInlineType(path, parameter.type(), inline.get());
                    inlineTypesChecked++;
                } else {
                    Element ref = syntax.child("dataType").orElseThrow();
                    assertThat(parameter.type().name()).as(path)
                            .isEqualTo(ref.attribute("ref").or(() -> ref.attribute("base")));
                }
            }
        }
        assertThat(inlineTypesChecked).isGreaterThan(model.parameters().size() / 2);
    }

    private static void checkInlineType(String path, DataType type, Element xml) {
        assertThat(type.baseType().xmlName()).as(path).isEqualTo(xml.name());
        assertThat(type.name()).as(path).isEmpty();
        List<String> enumerations = new ArrayList<>();
        List<String> readOnlyEnumerations = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        Optional<String> units = Optional.empty();
        for (Element facet : xml.children()) {
            if ("deleted".equals(facet.attributeOr("status", ""))) {
                continue;
            }
            switch (facet.name()) {
                case "enumeration" -> {
                    enumerations.add(facet.attribute("value").orElseThrow());
                    if (facet.attributeOr("access", "readWrite").equals("readOnly")) {
                        readOnlyEnumerations.add(facet.attribute("value").orElseThrow());
                    }
                }
                case "pattern" -> patterns.add(facet.attribute("value").orElseThrow());
                case "size" -> sizes.add(facet.attributeOr("minLength", "0") + ".." + facet.attributeOr("maxLength", ""));
                case "range" -> ranges.add("[" + facet.attributeOr("minInclusive", "") + ".." + facet.attributeOr("maxInclusive", "")
                        + (facet.attributeOr("step", "1").equals("1") ? "]" : "] step " + facet.attributeOr("step", "1")));
                case "units" -> units = facet.attribute("value");
                default -> { }
            }
        }
        assertThat(type.enumerations()).as(path).isEqualTo(enumerations);
        assertThat(type.readOnlyEnumerations()).as(path).isEqualTo(readOnlyEnumerations);
        assertThat(type.patterns()).as(path).isEqualTo(patterns);
        assertThat(type.sizes().stream().map(DataType.Size::toString).toList()).as(path).isEqualTo(sizes);
        assertThat(type.ranges().stream().map(DataType.Range::toString).toList()).as(path).isEqualTo(ranges);
        assertThat(type.units()).as(path).isEqualTo(units);
    }

    /**
     * Counts, with a plain StAX pass, the objects directly under model and the parameters directly under them
     * (profiles only refer to those). This gives 790 objects and 6,483 parameters for Device:2.17 and 192 and
     * 1,801 for InternetGatewayDevice:1.14, not the figures in ../shared/bbf/PROVENANCE.txt (1,317/10,740 and
     * 278/3,301), which do not count definitions: 10,742 is the number of parameter elements in the TR-181 file
     * with the 4,259 profile references included.
     */
    private static int[] countDefinitions(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int objects = 0;
        int parameters = 0;
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            XMLStreamReader reader = factory.createXMLStreamReader(text);
            List<String> stack = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    String parent = stack.isEmpty() ? "" : stack.get(stack.size() - 1);
                    boolean named = reader.getAttributeValue(null, "name") != null;
                    if (name.equals("object") && parent.equals("model") && named) {
                        objects++;
                    } else if (name.equals("parameter") && parent.equals("model/object") && named) {
                        parameters++;
                    }
                    String marker = name.equals("object") && parent.equals("model") ? "model/object" : name;
                    stack.add(marker);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    stack.remove(stack.size() - 1);
                }
            }
        }
        return new int[] {objects, parameters};
    }
}
