package dev.cwmp.datamodel.tool;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree of a Broadband Forum data-model file, read with StAX with DTDs and external
 * entities off. Text and the subtrees that only carry prose (description, bibliography, profiles,
 * components) are dropped. A file's internal DTD subset may declare simple text entities (tr-106-types.xml
 * does, for its patterns): those are expanded here, before parsing, and anything else in a DOCTYPE
 * (external or parameter entities) is refused.
 */
public final class XmlTree {

    private static final Set<String> SKIPPED = Set.of("description", "bibliography", "profile", "component",
            "template", "glossary", "abbreviations");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[\\w:.-]+\\s*\\[(.*?)\\]\\s*>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("<!ENTITY\\s+([\\w.-]+)\\s+\"([^\"]*)\"\\s*>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /** One element: its local name, its attributes without a namespace, and its child elements. */
    public record Element(String name, Map<String, String> attributes, List<Element> children) {

        public Optional<String> attribute(String attributeName) {
            return Optional.ofNullable(attributes.get(attributeName));
        }

        public String attributeOr(String attributeName, String otherwise) {
            return attributes.getOrDefault(attributeName, otherwise);
        }

        public List<Element> children(String childName) {
            List<Element> found = new ArrayList<>();
            for (Element child : children) {
                if (child.name.equals(childName)) {
                    found.add(child);
                }
            }
            return found;
        }

        public Optional<Element> child(String childName) {
            for (Element child : children) {
                if (child.name.equals(childName)) {
                    return Optional.of(child);
                }
            }
            return Optional.empty();
        }
    }

    private XmlTree() {
    }

    /** Reads a data-model file into its root element. */
    public static Element read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(expandInternalEntities(text), file.toString());
    }

    /** Removes a DOCTYPE's internal subset and expands the simple text entities it declares. */
    static String expandInternalEntities(String text) {
        Matcher doctype = DOCTYPE.matcher(text);
        if (!doctype.find()) {
            if (text.contains("<!DOCTYPE")) {
                throw new IllegalArgumentException("unsupported DOCTYPE (only an internal subset is accepted)");
            }
            return text;
        }
        String subset = COMMENT.matcher(doctype.group(1)).replaceAll("");
        Map<String, String> entities = new LinkedHashMap<>();
        Matcher entity = ENTITY.matcher(subset);
        int end = 0;
        while (entity.find()) {
            if (!subset.substring(end, entity.start()).isBlank()) {
                throw new IllegalArgumentException("unsupported DTD declaration: " + subset.substring(end, entity.start()).strip());
            }
            entities.put(entity.group(1), entity.group(2));
            end = entity.end();
        }
        if (!subset.substring(end).isBlank()) {
            throw new IllegalArgumentException("unsupported DTD declaration: " + subset.substring(end).strip());
        }
        String body = text.substring(0, doctype.start()) + text.substring(doctype.end());
        for (int round = 0; round < 4; round++) {
            String before = body;
            for (Map.Entry<String, String> e : entities.entrySet()) {
                body = body.replace("&" + e.getKey() + ";", e.getValue());
            }
            if (body.equals(before)) {
                break;
            }
        }
        return body;
    }

    private static Element parse(String text, String source) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
            List<Element> stack = new ArrayList<>();
            Element root = null;
            int skipDepth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (skipDepth > 0 || SKIPPED.contains(name)) {
                        skipDepth++;
                        continue;
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String namespace = reader.getAttributeNamespace(i);
                        if (namespace == null || namespace.isEmpty()) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                    }
                    Element element = new Element(name, attributes, new ArrayList<>());
                    if (stack.isEmpty()) {
                        root = element;
                    } else {
                        stack.get(stack.size() - 1).children().add(element);
                    }
                    stack.add(element);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipDepth > 0) {
                        skipDepth--;
                    } else {
                        stack.remove(stack.size() - 1);
                    }
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new IOException(source + ": DTDs and entity references are not accepted");
                }
            }
            if (root == null) {
                throw new IOException(source + ": no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }
}
