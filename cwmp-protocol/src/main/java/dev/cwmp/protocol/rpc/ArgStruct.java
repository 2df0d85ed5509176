package dev.cwmp.protocol.rpc;

/**
 * A name/value argument of a {@link RequestDownload} ({@code ArgStruct}).
 *
 * @param name the argument name
 * @param value the argument value
 */
public record ArgStruct(String name, String value) {

    // Validates.
    public ArgStruct {
        Checks.text(name, "name");
        Checks.text(value, "value");
    }
}
