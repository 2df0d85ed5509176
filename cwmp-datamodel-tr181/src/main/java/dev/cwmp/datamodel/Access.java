package dev.cwmp.datamodel;

/** Access of an object or parameter as the data model defines it (the XML {@code access} attribute). */
public enum Access {
    /** {@code readOnly}: the ACS cannot write it (or, for an object, cannot add or delete instances). */
    READ_ONLY("readOnly"),
    /** {@code readWrite}: the ACS may write it (or add and delete instances). */
    READ_WRITE("readWrite"),
    /** {@code writeOnceReadOnly}: writable once (at creation), read-only afterwards. */
    WRITE_ONCE_READ_ONLY("writeOnceReadOnly");

    private final String xmlName;

    Access(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name used in the Broadband Forum XML, e.g. {@code readWrite}. */
    public String xmlName() {
        return xmlName;
    }

    /** Whether the ACS may write the parameter (or create instances) at all. */
    public boolean isWritable() {
        return this != READ_ONLY;
    }

    /** The constant for an XML name; throws {@link DataModelException} for an unknown name. */
    public static Access fromXmlName(String xmlName) {
        for (Access access : values()) {
            if (access.xmlName.equals(xmlName)) {
                return access;
            }
        }
        throw new DataModelException("unknown access: " + xmlName);
    }
}
