package dev.cwmp.session.auth;

import dev.cwmp.session.internal.auth.PasswordAuthenticator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * How a Digest authenticator challenges: realm, algorithms, nonce lifetime, the cap on tracked
 * nonces and the clock. Build with {@link #builder()}; {@link #defaults()} is SHA-256 then MD5,
 * realm {@code cwmp}, nonces valid for 5 minutes, at most 10,000 tracked.
 */
public final class DigestOptions {

    private final String realm;
    private final List<DigestAlgorithm> algorithms;
    private final Duration nonceLifetime;
    private final int maxTrackedNonces;
    private final InstantSource clock;

    private DigestOptions(Builder builder) {
        this.realm = builder.realm;
        this.algorithms = List.copyOf(builder.algorithms);
        this.nonceLifetime = builder.nonceLifetime;
        this.maxTrackedNonces = builder.maxTrackedNonces;
        this.clock = builder.clock;
    }

    /** The default options. */
    public static DigestOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The realm sent in challenges and required in responses. */
    public String realm() {
        return realm;
    }

    /** The algorithms offered, most preferred first; one challenge is sent per algorithm. */
    public List<DigestAlgorithm> algorithms() {
        return algorithms;
    }

    /** How long a nonce is accepted after it was issued; afterwards the client is told {@code stale=true}. */
    public Duration nonceLifetime() {
        return nonceLifetime;
    }

    /** The most nonces remembered for replay protection; the oldest are forgotten first (and then answered as stale). */
    public int maxTrackedNonces() {
        return maxTrackedNonces;
    }

    /** The clock for nonce expiry. */
    public InstantSource clock() {
        return clock;
    }

    /** Builds {@link DigestOptions}. */
    public static final class Builder {
        private String realm = "cwmp";
        private List<DigestAlgorithm> algorithms = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private int maxTrackedNonces = 10_000;
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /** The realm: printable ASCII without {@code "} or {@code \}. */
        public Builder realm(String realm) {
            Objects.requireNonNull(realm, "realm");
            this.realm = PasswordAuthenticator.checkRealm(realm);
            return this;
        }

        /** The algorithms to offer, most preferred first (at least one, no duplicates). */
        public Builder algorithms(DigestAlgorithm... algorithms) {
            List<DigestAlgorithm> list = List.of(algorithms);
            if (list.isEmpty() || list.stream().distinct().count() != list.size()) {
                throw new IllegalArgumentException("algorithms must be non-empty and distinct");
            }
            this.algorithms = list;
            return this;
        }

        /** How long a nonce stays valid (positive). */
        public Builder nonceLifetime(Duration nonceLifetime) {
            Objects.requireNonNull(nonceLifetime, "nonceLifetime");
            if (nonceLifetime.isZero() || nonceLifetime.isNegative()) {
                throw new IllegalArgumentException("nonceLifetime must be positive");
            }
            this.nonceLifetime = nonceLifetime;
            return this;
        }

        /** The cap on remembered nonces (at least 1). */
        public Builder maxTrackedNonces(int maxTrackedNonces) {
            if (maxTrackedNonces < 1) {
                throw new IllegalArgumentException("maxTrackedNonces must be at least 1");
            }
            this.maxTrackedNonces = maxTrackedNonces;
            return this;
        }

        /** The clock for nonce expiry (a controllable one in tests). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The options. */
        public DigestOptions build() {
            return new DigestOptions(this);
        }
    }
}
