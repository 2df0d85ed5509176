package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * One change of a {@link SetParameterAttributes} ({@code SetParameterAttributesStruct}).
 *
 * @param name the parameter name, or a partial path ending with a dot
 * @param notificationChange whether {@code notification} is to be applied
 * @param notification 0 off, 1 passive, 2 active; 3-6 the lightweight variants of 1.4
 * @param accessListChange whether {@code accessList} is to be applied
 * @param accessList the entities besides the ACS that may write it (e.g. "Subscriber")
 */
public record SetParameterAttributesStruct(String name, boolean notificationChange, int notification,
        boolean accessListChange, List<String> accessList) {

    // Validates and copies.
    public SetParameterAttributesStruct {
        Checks.text(name, "name");
        Checks.range(notification, 0, 6, "notification");
        accessList = List.copyOf(accessList);
    }

    /** Changes only the notification. */
    public static SetParameterAttributesStruct notification(String name, int notification) {
        return new SetParameterAttributesStruct(name, true, notification, false, List.of());
    }
}
