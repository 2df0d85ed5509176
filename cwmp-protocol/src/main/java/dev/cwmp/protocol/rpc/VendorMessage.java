package dev.cwmp.protocol.rpc;

import java.util.Objects;

/**
 * A vendor-specific method ({@code X_...}), the one escape hatch of the message hierarchy: the body
 * element as a small XML tree, which the codec writes back as it read it.
 *
 * @param element the body element: its namespace, name ({@code X_...}), attributes and content
 */
public record VendorMessage(XmlElement element) implements CpeMessage, AcsMessage {

    // Validates: the method name must start with "X_".
    public VendorMessage {
        Objects.requireNonNull(element, "element");
        if (!element.localName().startsWith("X_")) {
            throw new IllegalArgumentException("a vendor method name starts with X_: " + element.localName());
        }
    }

    /** The namespace of the body element (often the CWMP namespace, or the vendor's own). */
    public String namespaceUri() {
        return element.namespaceUri();
    }

    @Override
    public String methodName() {
        return element.localName();
    }
}
