package dev.cwmp.session.internal.auth;

import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable map of credentials by username. */
public final class InMemoryCpeCredentials implements CpeCredentials {

    private final Map<String, CpeCredential> byUsername;

    public InMemoryCpeCredentials(Collection<CpeCredential> credentials) {
        Map<String, CpeCredential> map = new HashMap<>();
        for (CpeCredential credential : credentials) {
            if (map.putIfAbsent(credential.username(), credential) != null) {
                throw new IllegalArgumentException("duplicate username: " + LogSafe.of(credential.username()));
            }
        }
        this.byUsername = Map.copyOf(map);
    }

    @Override
    public Optional<CpeCredential> lookup(String username, CpeAuthRequest request) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public String toString() {
        return "InMemoryCpeCredentials[" + byUsername.size() + " usernames]";
    }
}
