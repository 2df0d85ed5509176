package dev.cwmp.provisioning;

import java.util.Objects;
import java.util.Optional;

/**
 * What a virtual parameter computes ({@code {writable, value: [value, type]}} in GenieACS's scripts).
 *
 * @param writable whether the parameter accepts a value (the source handles a declared value)
 * @param value the value's text (numbers without a fraction when whole), empty when there is none
 * @param type its xsd type, such as {@code xsd:string}
 */
public record VirtualParameterValue(boolean writable, Optional<String> value, String type) {

    public VirtualParameterValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("a virtual parameter's type is not blank");
        }
    }
}
