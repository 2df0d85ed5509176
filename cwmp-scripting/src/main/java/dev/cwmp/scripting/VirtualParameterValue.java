package dev.cwmp.scripting;

import java.util.Objects;
import java.util.Optional;

/**
 * What a virtual parameter script returned ({@code {writable, value: [value, type]}}).
 *
 * @param writable whether the parameter accepts a value (the script handles {@code args[1].value})
 * @param value the value's text (numbers without a fraction when whole), empty when the script gave none
 * @param type its xsd type ({@code xsd:string} unless the script said or the value is a boolean or number)
 */
public record VirtualParameterValue(boolean writable, Optional<String> value, String type) {

    public VirtualParameterValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }
}
