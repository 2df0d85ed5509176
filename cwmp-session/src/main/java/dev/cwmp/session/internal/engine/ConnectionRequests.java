package dev.cwmp.session.internal.engine;

import dev.cwmp.datamodel.CommonParameter;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.connreq.ConnectionRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a device's connection request from the ManagementServer values it last reported. */
public final class ConnectionRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRequests.class);

    private ConnectionRequests() {
    }

    /** The request for the device, or empty when it has reported no usable ConnectionRequestURL. */
    public static Optional<ConnectionRequest> of(DeviceId deviceId, DeviceStore store) {
        Optional<ParameterTree> tree = store.parameters(deviceId);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        for (String root : List.of(CommonParameter.TR181_ROOT, CommonParameter.TR098_ROOT)) {
            Optional<String> url = tree.get().value(CommonParameter.CONNECTION_REQUEST_URL.pathFor(root));
            if (url.isEmpty() || url.get().isBlank()) {
                continue;
            }
            Optional<String> username = tree.get().value(CommonParameter.CONNECTION_REQUEST_USERNAME.pathFor(root))
                    .filter(u -> !u.isEmpty());
            Optional<Secret> password = username.isEmpty() ? Optional.empty()
                    : Optional.of(Secret.of(tree.get().value(CommonParameter.CONNECTION_REQUEST_PASSWORD.pathFor(root))
                            .orElse("")));
            try {
                ConnectionRequest plain = ConnectionRequest.of(deviceId.toString(), url.get());
                return Optional.of(new ConnectionRequest(plain.deviceId(), plain.url(), username, password));
            } catch (IllegalArgumentException e) {
                LOG.warn("device {} reported an unusable ConnectionRequestURL: {}", deviceId, e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
