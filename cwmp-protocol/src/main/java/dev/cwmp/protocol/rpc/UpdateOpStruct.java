package dev.cwmp.protocol.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * Update one or all deployment units ({@code UpdateOpStruct}).
 *
 * @param uuid the unit to update (absent with {@code url} absent: all units)
 * @param version which version of the unit
 * @param url where to download the update
 * @param username the user name for the URL
 * @param password the password for the URL
 */
public record UpdateOpStruct(Optional<String> uuid, Optional<String> version, Optional<String> url,
        Optional<String> username, Optional<String> password) implements OperationStruct {

    // Validates.
    public UpdateOpStruct {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String typeName() {
        return "UpdateOpStruct";
    }
}
