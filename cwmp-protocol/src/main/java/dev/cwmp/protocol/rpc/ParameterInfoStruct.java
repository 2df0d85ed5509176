package dev.cwmp.protocol.rpc;

/**
 * A parameter or object name with its writability ({@code ParameterInfoStruct}, in a
 * {@link GetParameterNamesResponse}); object names end with a dot.
 *
 * @param name the parameter name, or the object name with a trailing dot
 * @param writable whether the parameter is writable (for an object: whether AddObject/DeleteObject may be used)
 */
public record ParameterInfoStruct(String name, boolean writable) {

    // Validates.
    public ParameterInfoStruct {
        Checks.text(name, "name");
    }

    /** Whether this names an object (ends with a dot). */
    public boolean isObject() {
        return name.endsWith(".");
    }
}
