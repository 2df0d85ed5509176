package dev.cwmp.protocol.rpc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small immutable XML element, the content of a {@link VendorMessage}.
 *
 * <p>Attribute keys are the local name for attributes without namespace and {@code {namespaceUri}local}
 * for the others; namespace declarations are not attributes. {@code text} is the element's own
 * character data; for an element with children, whitespace-only text (indentation) is dropped.
 * Attribute values that are QNames (such as {@code xsi:type="xsd:string"}) are kept as text, so their
 * prefixes mean what the encoder binds ({@code soapenv, soapenc, xsd, xsi, cwmp}).
 *
 * @param namespaceUri the namespace, "" for none
 * @param localName the local name
 * @param attributes the attributes (see above)
 * @param text the character data
 * @param children the child elements, in order
 */
public record XmlElement(String namespaceUri, String localName, Map<String, String> attributes, String text,
        List<XmlElement> children) {

    // Validates and copies.
    public XmlElement {
        Objects.requireNonNull(namespaceUri, "namespaceUri");
        Checks.text(localName, "localName");
        if (localName.isEmpty() || localName.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not an XML local name: '" + localName + "'");
        }
        attributes = Map.copyOf(attributes);
        Checks.text(text, "text");
        children = List.copyOf(children);
    }

    /** An element holding only text. */
    public static XmlElement leaf(String namespaceUri, String localName, String text) {
        return new XmlElement(namespaceUri, localName, Map.of(), text, List.of());
    }

    /** An element holding only children. */
    public static XmlElement of(String namespaceUri, String localName, List<XmlElement> children) {
        return new XmlElement(namespaceUri, localName, Map.of(), "", children);
    }
}
