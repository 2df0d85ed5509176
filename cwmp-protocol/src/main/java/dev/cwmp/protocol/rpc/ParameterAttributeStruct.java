package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * A parameter's attributes ({@code ParameterAttributeStruct}, in a {@link GetParameterAttributesResponse}).
 *
 * @param name the parameter name
 * @param notification 0 off, 1 passive, 2 active; 3-6 the lightweight notification variants of 1.4
 * @param accessList the entities besides the ACS that may write it (e.g. "Subscriber")
 */
public record ParameterAttributeStruct(String name, int notification, List<String> accessList) {

    // Validates and copies.
    public ParameterAttributeStruct {
        Checks.text(name, "name");
        Checks.range(notification, 0, 6, "notification");
        accessList = List.copyOf(accessList);
    }
}
