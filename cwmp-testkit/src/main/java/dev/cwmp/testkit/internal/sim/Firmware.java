package dev.cwmp.testkit.internal.sim;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reading firmware files: a version from a file name, RouterOS's XML list of packages. */
public final class Firmware {

    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)+(?:(?:beta|rc)\\d+)?)");
    private static final int MAX_URLS = 64;

    private Firmware() {
    }

    /** The version in a file name ({@code routeros-mipsbe-6.49.7.npk} gives {@code 6.49.7}). */
    public static Optional<String> versionIn(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The last segment of a URL's path. */
    public static String fileName(String url) {
        String path = url;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The package URLs of a RouterOS upgrade list: the text of every {@code url} element. No DTD, no
     * external entities.
     *
     * @throws IllegalArgumentException when the file is not such a list
     */
    public static List<String> packageUrls(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<String> urls = new ArrayList<>();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.DTD) {
                    throw new IllegalArgumentException("DOCTYPE not allowed in an upgrade list");
                }
                if (event == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("url")) {
                    urls.add(r.getElementText().strip());
                    if (urls.size() > MAX_URLS) {
                        throw new IllegalArgumentException("more than " + MAX_URLS + " packages");
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not an upgrade list: " + e.getMessage(), e);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("the upgrade list names no package");
        }
        return urls;
    }
}
