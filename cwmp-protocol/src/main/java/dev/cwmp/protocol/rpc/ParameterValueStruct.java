package dev.cwmp.protocol.rpc;

import java.util.Objects;

/**
 * A parameter name with its value and type ({@code ParameterValueStruct}). The value is the device's
 * text, untouched (whitespace included); converting it is the data model's job.
 *
 * @param name the full parameter name, e.g. "Device.DeviceInfo.SoftwareVersion"
 * @param value the value as text
 * @param type its {@code xsi:type}, {@link XsdType#UNSPECIFIED} when none was given
 */
public record ParameterValueStruct(String name, String value, XsdType type) {

    // Validates.
    public ParameterValueStruct {
        Checks.text(name, "name");
        Checks.text(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /** A value of type {@code xsd:string}. */
    public static ParameterValueStruct of(String name, String value) {
        return new ParameterValueStruct(name, value, XsdType.STRING);
    }
}
