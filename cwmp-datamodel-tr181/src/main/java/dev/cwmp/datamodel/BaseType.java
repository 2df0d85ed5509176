package dev.cwmp.datamodel;

/** The TR-106 base (primitive) data types. */
public enum BaseType {
    STRING("string"),
    INT("int"),
    UNSIGNED_INT("unsignedInt"),
    LONG("long"),
    UNSIGNED_LONG("unsignedLong"),
    BOOLEAN("boolean"),
    DATE_TIME("dateTime"),
    BASE64("base64"),
    HEX_BINARY("hexBinary"),
    DECIMAL("decimal");

    private final String xmlName;

    BaseType(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The TR-106 / XML Schema name, e.g. {@code unsignedInt}. */
    public String xmlName() {
        return xmlName;
    }

    /** The type name used on the CWMP wire, e.g. {@code xsd:unsignedInt}. */
    public String xsdName() {
        return "xsd:" + xmlName;
    }

    /** Whether values are integers (int, unsignedInt, long, unsignedLong). */
    public boolean isInteger() {
        return this == INT || this == UNSIGNED_INT || this == LONG || this == UNSIGNED_LONG;
    }

    /** The constant for a TR-106 name or an {@code xsd:}-prefixed wire name. */
    public static java.util.Optional<BaseType> fromName(String name) {
        String bare = name.startsWith("xsd:") ? name.substring(4) : name;
        for (BaseType type : values()) {
            if (type.xmlName.equals(bare)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
