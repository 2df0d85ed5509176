package dev.cwmp.datamodel;

/** Life-cycle status of a definition (the XML {@code status} attribute). */
public enum Status {
    CURRENT("current"),
    DEPRECATED("deprecated"),
    OBSOLETED("obsoleted"),
    DELETED("deleted");

    private final String xmlName;

    Status(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name used in the Broadband Forum XML. */
    public String xmlName() {
        return xmlName;
    }

    /** The constant for an XML name; throws {@link DataModelException} for an unknown name. */
    public static Status fromXmlName(String xmlName) {
        for (Status status : values()) {
            if (status.xmlName.equals(xmlName)) {
                return status;
            }
        }
        throw new DataModelException("unknown status: " + xmlName);
    }
}
