package dev.cwmp.session.internal.auth;

import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeAuthResult;
import dev.cwmp.session.auth.CpeAuthenticator;
import java.util.Optional;

/** Accepts everyone: {@link CpeAuthenticator#none()}. */
public final class NoAuthenticator implements CpeAuthenticator {

    public static final NoAuthenticator INSTANCE = new NoAuthenticator();

    private static final CpeAuthResult ANONYMOUS = new CpeAuthResult.Authenticated("anonymous", Optional.empty());

    private NoAuthenticator() {
    }

    @Override
    public CpeAuthResult authenticate(CpeAuthRequest request) {
        return ANONYMOUS;
    }

    @Override
    public String toString() {
        return "CpeAuthenticator.none()";
    }
}
