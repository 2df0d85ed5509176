package dev.cwmp.protocol.internal;

/** The namespace URIs the codec reads and writes. */
final class Namespaces {
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP_ENV_12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD_1999 = "http://www.w3.org/1999/XMLSchema";
    static final String XSI_1999 = "http://www.w3.org/1999/XMLSchema-instance";

    private Namespaces() {
    }

    static boolean isXsi(String uri) {
        return XSI.equals(uri) || XSI_1999.equals(uri);
    }
}
