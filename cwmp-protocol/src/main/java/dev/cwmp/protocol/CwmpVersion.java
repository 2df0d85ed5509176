package dev.cwmp.protocol;

import java.util.Optional;

/**
 * The CWMP protocol versions 1.0 to 1.4 (TR-069 Amendment 6 defines 1.4).
 *
 * <p>Versions 1.3 and 1.4 reuse the {@code urn:dslforum-org:cwmp-1-2} namespace; on the wire they are
 * told apart by SOAP headers ({@code SessionTimeout} for 1.3, {@code SupportedCWMPVersions} and
 * {@code UseCWMPVersion} for 1.4). See {@link #detect(String, CwmpHeaders)} and
 * {@link CwmpVersionNegotiation}.
 */
public enum CwmpVersion {
    V1_0("1.0", "urn:dslforum-org:cwmp-1-0"),
    V1_1("1.1", "urn:dslforum-org:cwmp-1-1"),
    V1_2("1.2", "urn:dslforum-org:cwmp-1-2"),
    V1_3("1.3", "urn:dslforum-org:cwmp-1-2"),
    V1_4("1.4", "urn:dslforum-org:cwmp-1-2");

    /** The prefix every CWMP namespace URI starts with. */
    public static final String NAMESPACE_PREFIX = "urn:dslforum-org:cwmp-";

    private final String label;
    private final String namespaceUri;

    CwmpVersion(String label, String namespaceUri) {
        this.label = label;
        this.namespaceUri = namespaceUri;
    }

    /** The namespace URI of the envelope's CWMP elements for this version. */
    public String namespaceUri() {
        return namespaceUri;
    }

    /** The version as TR-069 writes it in headers, e.g. {@code "1.4"}. */
    public String label() {
        return label;
    }

    /**
     * The lowest version that uses this namespace URI: {@code cwmp-1-2} gives {@link #V1_2}, since the
     * namespace alone cannot tell 1.2, 1.3 and 1.4 apart.
     */
    public static Optional<CwmpVersion> fromNamespaceUri(String namespaceUri) {
        if (namespaceUri == null) {
            return Optional.empty();
        }
        switch (namespaceUri) {
            case "urn:dslforum-org:cwmp-1-0":
                return Optional.of(V1_0);
            case "urn:dslforum-org:cwmp-1-1":
                return Optional.of(V1_1);
            case "urn:dslforum-org:cwmp-1-2":
                return Optional.of(V1_2);
            default:
                return Optional.empty();
        }
    }

    /** The version with this label ({@code "1.0"} .. {@code "1.4"}, surrounding blanks ignored). */
    public static Optional<CwmpVersion> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String trimmed = label.strip();
        for (CwmpVersion version : values()) {
            if (version.label.equals(trimmed)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /**
     * The version an envelope shows, from the namespace of its CWMP elements and its headers:
     * {@code cwmp-1-0} and {@code cwmp-1-1} are 1.0 and 1.1; within {@code cwmp-1-2} a
     * {@code UseCWMPVersion} header of 1.2-1.4 names the version, a {@code SupportedCWMPVersions}
     * header means 1.4, a {@code SessionTimeout} header means 1.3, and otherwise it is 1.2.
     *
     * @return empty when the namespace is not a CWMP namespace this library knows
     */
    public static Optional<CwmpVersion> detect(String namespaceUri, CwmpHeaders headers) {
        Optional<CwmpVersion> byNamespace = fromNamespaceUri(namespaceUri);
        if (byNamespace.isEmpty() || byNamespace.get() != V1_2) {
            return byNamespace;
        }
        if (headers.useCwmpVersion().isPresent()) {
            Optional<CwmpVersion> used = fromLabel(headers.useCwmpVersion().get());
            if (used.isPresent() && used.get().compareTo(V1_2) >= 0) {
                return used;
            }
        }
        if (!headers.supportedCwmpVersions().isEmpty()) {
            return Optional.of(V1_4);
        }
        if (headers.sessionTimeout().isPresent()) {
            return Optional.of(V1_3);
        }
        return byNamespace;
    }

    /** Whether this version is at least {@code other}. */
    public boolean isAtLeast(CwmpVersion other) {
        return compareTo(other) >= 0;
    }
}
