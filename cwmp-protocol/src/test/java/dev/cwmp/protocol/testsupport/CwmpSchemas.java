package dev.cwmp.protocol.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.TypeInfoProvider;
import javax.xml.validation.ValidatorHandler;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates CWMP envelopes against the Broadband Forum schemas ({@code cwmp-1-0.xsd} ..
 * {@code cwmp-1-4.xsd}) in a local directory, with no network and no other external access.
 *
 * <p>The schemas import the SOAP 1.1 envelope and encoding schemas by absolute URL; this class
 * resolves those to the project's own stand-ins under {@code src/test/resources/schema/}, and the
 * Forum's absolute URLs of its own schemas (used by the includes and redefines of 1.3 and 1.4) to
 * the local files, as the rewrite rules of the directory's {@code catalog.xml} say. Any other
 * reference fails.
 *
 * <p>SOAP's Header and Body accept any child leniently ("lax"): an element that no schema declares
 * would pass unnoticed. So besides the validator's errors, {@link #validate} reports every element
 * in a CWMP namespace (and the Body's first child) that no schema declared.
 */
public final class CwmpSchemas {

    public static final String SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP_ENCODING_NS = "http://schemas.xmlsoap.org/soap/encoding/";

    private static final Map<String, String> STAND_INS = Map.of(
            SOAP_ENVELOPE_NS, "/schema/soap-envelope-1.1-standin.xsd",
            SOAP_ENCODING_NS, "/schema/soap-encoding-1.1-standin.xsd");

    private final Path bbfDir;
    private final Map<String, String> rewritePrefixes;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private CwmpSchemas(Path bbfDir) {
        this.bbfDir = bbfDir;
        this.rewritePrefixes = readCatalog(bbfDir.resolve("catalog.xml"));
    }

    /** The schemas in {@code bbfDir} (the shared {@code bbf/} directory). */
    public static CwmpSchemas in(Path bbfDir) {
        return new CwmpSchemas(bbfDir);
    }

    /** The compiled schema of one file, e.g. {@code cwmp-1-4.xsd} (compiled once, then cached). */
    public Schema schema(String xsdFileName) {
        return schemas.computeIfAbsent(xsdFileName, this::compile);
    }

    /**
     * Validates {@code xml} against the schema file {@code xsdFileName}; returns every problem found
     * (empty when valid), each with its line and column.
     */
    public List<String> validate(byte[] xml, String xsdFileName) {
        Schema schema = schema(xsdFileName);
        List<String> problems = new ArrayList<>();
        ValidatorHandler validator = schema.newValidatorHandler();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (SAXException e) {
            throw new IllegalStateException("validator refuses secure processing", e);
        }
        validator.setErrorHandler(collectingInto(problems));
        validator.setResourceResolver((type, ns, publicId, systemId, baseUri) -> {
            throw new IllegalStateException("instance document asked for an external resource: " + systemId);
        });
        validator.setContentHandler(new UndeclaredElementCheck(validator.getTypeInfoProvider(), problems));
        try {
            XMLReader reader = secureSaxReader();
            reader.setContentHandler(validator);
            reader.setErrorHandler(collectingInto(problems));
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            problems.add("not well-formed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** The names of the global elements a schema file declares itself (not those it includes). */
    public Set<String> topLevelElementNames(String xsdFileName) {
        Set<String> names = new TreeSet<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(bbfDir.resolve(xsdFileName))) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && reader.getLocalName().equals("element")
                            && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(reader.getNamespaceURI())) {
                        names.add(reader.getAttributeValue(null, "name"));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read " + xsdFileName, e);
        }
        return names;
    }

    private Schema compile(String xsdFileName) {
        Path xsd = bbfDir.resolve(xsdFileName);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Nothing may be fetched by the parser itself: everything goes through the resolver below,
            // which hands over the bytes.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("schema factory refuses secure settings", e);
        }
        List<String> problems = new ArrayList<>();
        factory.setErrorHandler(collectingInto(problems));
        factory.setResourceResolver(new LocalOnlyResolver());
        try (InputStream in = Files.newInputStream(xsd)) {
            StreamSource source = new StreamSource(in, rewrittenSystemId(xsd));
            Schema schema = factory.newSchema(source);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("schema " + xsd + " has problems: " + problems);
            }
            return schema;
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + xsd + ": " + e.getMessage() + " " + problems, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Forum's absolute URL of a local schema file, so that relative references resolve alike. */
    private String rewrittenSystemId(Path xsd) {
        return "http://www.broadband-forum.org/cwmp/" + xsd.getFileName();
    }

    /** Reads the {@code rewriteSystem} entries of an OASIS XML catalog (DTD not processed). */
    private static Map<String, String> readCatalog(Path catalog) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (!Files.exists(catalog)) {
            return prefixes;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        try (Reader in = Files.newBufferedReader(catalog)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("rewriteSystem")) {
                    prefixes.put(reader.getAttributeValue(null, "systemIdStartString"),
                            reader.getAttributeValue(null, "rewritePrefix"));
                }
            }
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read " + catalog, e);
        }
        return prefixes;
    }

    /** Resolves the SOAP schemas to the stand-ins and the Forum's URLs to local files; nothing else. */
    private final class LocalOnlyResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                String baseUri) {
            String standIn = namespaceUri == null ? null : STAND_INS.get(namespaceUri);
            if (standIn != null && (systemId == null || systemId.startsWith("http://schemas.xmlsoap.org/"))) {
                InputStream in = CwmpSchemas.class.getResourceAsStream(standIn);
                if (in == null) {
                    throw new IllegalStateException("stand-in schema missing from the test class path: " + standIn);
                }
                return new BytesInput(publicId, namespaceUri, readAll(in));
            }
            if (systemId != null) {
                String absolute = baseUri == null ? systemId : URI.create(baseUri).resolve(systemId).toString();
                for (Map.Entry<String, String> rule : rewritePrefixes.entrySet()) {
                    if (absolute.startsWith(rule.getKey())) {
                        Path local = bbfDir.resolve(rule.getValue()).resolve(absolute.substring(rule.getKey().length()))
                                .normalize();
                        if (!local.startsWith(bbfDir.normalize()) || !Files.isRegularFile(local)) {
                            throw new IllegalStateException("catalog maps " + absolute + " to a missing file " + local);
                        }
                        try {
                            return new BytesInput(publicId, absolute, Files.readAllBytes(local));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
            throw new IllegalStateException("refusing to fetch " + systemId + " (namespace " + namespaceUri
                    + ", from " + baseUri + "): schema validation must stay local");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XMLReader secureSaxReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ErrorHandler collectingInto(List<String> problems) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings (e.g. about lax wildcards) are not validity errors.
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(describe(e));
            }
        };
    }

    private static String describe(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
    }

    /** Reports the CWMP elements (and the Body's first child) that no schema declared. */
    private static final class UndeclaredElementCheck extends DefaultHandler {
        private final TypeInfoProvider types;
        private final List<String> problems;
        private Locator locator;
        private int depth;
        private int bodyDepth = -1;
        private boolean bodyChildSeen;

        UndeclaredElementCheck(TypeInfoProvider types, List<String> problems) {
            this.types = types;
            this.problems = problems;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            boolean cwmpElement = uri.startsWith("urn:dslforum-org:cwmp-");
            boolean firstBodyChild = bodyDepth >= 0 && depth == bodyDepth + 1 && !bodyChildSeen;
            if (firstBodyChild) {
                bodyChildSeen = true;
            }
            if ((cwmpElement || firstBodyChild) && isUndeclared()) {
                problems.add(where() + " element {" + uri + "}" + localName + " is declared by no schema");
            }
            if (SOAP_ENVELOPE_NS.equals(uri) && localName.equals("Body")) {
                bodyDepth = depth;
            }
        }

        private boolean isUndeclared() {
            var type = types.getElementTypeInfo();
            return type == null || type.getTypeName() == null
                    || ("anyType".equals(type.getTypeName())
                            && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(type.getTypeNamespace()));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            depth--;
        }

        private String where() {
            return locator == null ? "?" : locator.getLineNumber() + ":" + locator.getColumnNumber();
        }
    }

    /** An {@link LSInput} over bytes the resolver already holds. */
    private static final class BytesInput implements LSInput {
        private final String publicId;
        private final String systemId;
        private final byte[] bytes;

        BytesInput(String publicId, String systemId, byte[] bytes) {
            this.publicId = publicId;
            this.systemId = systemId;
            this.bytes = bytes;
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return systemId; }
        @Override public void setBaseURI(String baseUri) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
