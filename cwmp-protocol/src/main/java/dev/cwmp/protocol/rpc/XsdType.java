package dev.cwmp.protocol.rpc;

/**
 * The XML Schema type of a parameter value, as written in its {@code xsi:type} attribute.
 *
 * <p>{@link #UNSPECIFIED} marks a value that came without {@code xsi:type}; the encoder writes it as
 * {@code xsd:string}, so every value written carries an {@code xsi:type}.
 */
public enum XsdType {
    STRING("xsd:string"),
    INT("xsd:int"),
    UNSIGNED_INT("xsd:unsignedInt"),
    LONG("xsd:long"),
    UNSIGNED_LONG("xsd:unsignedLong"),
    BOOLEAN("xsd:boolean"),
    DATE_TIME("xsd:dateTime"),
    BASE64("xsd:base64Binary"),
    HEX_BINARY("xsd:hexBinary"),
    /** No {@code xsi:type} was given; written as {@code xsd:string}. */
    UNSPECIFIED("xsd:string");

    // The names devices actually write, looked up without allocating.
    private static final java.util.Map<String, XsdType> COMMON_WIRE_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("xsd:string", STRING), java.util.Map.entry("xsd:int", INT),
            java.util.Map.entry("xsd:unsignedInt", UNSIGNED_INT), java.util.Map.entry("xsd:long", LONG),
            java.util.Map.entry("xsd:unsignedLong", UNSIGNED_LONG), java.util.Map.entry("xsd:boolean", BOOLEAN),
            java.util.Map.entry("xsd:dateTime", DATE_TIME), java.util.Map.entry("xsd:base64Binary", BASE64),
            java.util.Map.entry("xsd:hexBinary", HEX_BINARY), java.util.Map.entry("xs:string", STRING),
            java.util.Map.entry("cwmp:string", STRING), java.util.Map.entry("soapenc:string", STRING),
            java.util.Map.entry("SOAP-ENC:string", STRING), java.util.Map.entry("soapenc:base64", BASE64),
            java.util.Map.entry("SOAP-ENC:base64", BASE64));

    private final String wireName;

    XsdType(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code xsi:type} value the encoder writes, e.g. "xsd:string". */
    public String wireName() {
        return wireName;
    }

    /** The local part of {@link #wireName()}, e.g. "unsignedInt". */
    public String localName() {
        return wireName.substring(4);
    }

    /**
     * The type for an {@code xsi:type} value, tolerantly: any prefix or none ({@code xsd:int},
     * {@code xs:int}, {@code cwmp:int}, {@code int}), any case, surrounding blanks ignored;
     * {@code base64} (SOAP encoding) as well as {@code base64Binary}; {@code unsignedByte/Short} and
     * {@code byte/short/integer}-like integer types as the nearest CWMP type. A blank name is
     * {@link #UNSPECIFIED}; any other unknown name (e.g. a vendor's {@code cwmp:IPAddress}) is
     * {@link #STRING}, since TR-069 named data types are strings on the wire.
     */
    public static XsdType fromWireName(String name) {
        if (name == null) {
            return UNSPECIFIED;
        }
        XsdType common = COMMON_WIRE_NAMES.get(name);
        if (common != null) {
            return common;
        }
        String local = name.strip();
        int colon = local.indexOf(':');
        if (colon >= 0) {
            local = local.substring(colon + 1);
        }
        if (local.isEmpty()) {
            return UNSPECIFIED;
        }
        switch (local) {
            case "string":
                return STRING;
            case "int":
                return INT;
            case "unsignedInt":
                return UNSIGNED_INT;
            case "long":
                return LONG;
            case "unsignedLong":
                return UNSIGNED_LONG;
            case "boolean":
                return BOOLEAN;
            case "dateTime":
                return DATE_TIME;
            case "base64Binary":
            case "base64":
                return BASE64;
            case "hexBinary":
                return HEX_BINARY;
            default:
                return fromUnusualName(local);
        }
    }

    private static XsdType fromUnusualName(String local) {
        switch (local.toLowerCase(java.util.Locale.ROOT)) {
            case "string":
                return STRING;
            case "int":
            case "short":
            case "byte":
                return INT;
            case "unsignedint":
            case "unsignedshort":
            case "unsignedbyte":
                return UNSIGNED_INT;
            case "long":
            case "integer":
                return LONG;
            case "unsignedlong":
            case "nonnegativeinteger":
                return UNSIGNED_LONG;
            case "boolean":
            case "bool":
                return BOOLEAN;
            case "datetime":
                return DATE_TIME;
            case "base64binary":
            case "base64":
                return BASE64;
            case "hexbinary":
                return HEX_BINARY;
            default:
                return STRING;
        }
    }
}
