package dev.cwmp.protocol.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * Install a deployment unit ({@code InstallOpStruct}).
 *
 * @param url where to download the deployment unit
 * @param uuid the UUID to give it
 * @param username the user name for the URL
 * @param password the password for the URL
 * @param executionEnvRef the execution environment to install it in
 */
public record InstallOpStruct(String url, Optional<String> uuid, Optional<String> username,
        Optional<String> password, Optional<String> executionEnvRef) implements OperationStruct {

    // Validates.
    public InstallOpStruct {
        Checks.text(url, "url");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(executionEnvRef, "executionEnvRef");
    }

    /** Install from a URL, nothing else specified. */
    public static InstallOpStruct of(String url) {
        return new InstallOpStruct(url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String typeName() {
        return "InstallOpStruct";
    }
}
