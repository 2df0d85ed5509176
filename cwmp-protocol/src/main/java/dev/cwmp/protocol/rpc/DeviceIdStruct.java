package dev.cwmp.protocol.rpc;

/**
 * The identity of a CPE in an {@link Inform} ({@code DeviceIdStruct}).
 *
 * @param manufacturer the manufacturer's name
 * @param oui the manufacturer's OUI, six upper-case hex digits
 * @param productClass the product class (may be "")
 * @param serialNumber the serial number
 */
public record DeviceIdStruct(String manufacturer, String oui, String productClass, String serialNumber) {

    // Validates.
    public DeviceIdStruct {
        Checks.text(manufacturer, "manufacturer");
        Checks.text(oui, "oui");
        Checks.text(productClass, "productClass");
        Checks.text(serialNumber, "serialNumber");
    }
}
