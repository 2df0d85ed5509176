package dev.cwmp.session.connreq;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Settings of the default HTTP {@link ConnectionRequester}. {@link #defaults()}: connect timeout 5 s,
 * overall timeout 10 s, 16 requests in flight, 1,000 waiting, Basic not allowed, the JDK's default TLS
 * context.
 */
public final class HttpConnectionRequesterOptions {

    private final Duration connectTimeout;
    private final Duration timeout;
    private final int maxConcurrentRequests;
    private final int maxQueuedRequests;
    private final boolean basicAllowed;
    private final Optional<SSLContext> sslContext;

    private HttpConnectionRequesterOptions(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.timeout = builder.timeout;
        this.maxConcurrentRequests = builder.maxConcurrentRequests;
        this.maxQueuedRequests = builder.maxQueuedRequests;
        this.basicAllowed = builder.basicAllowed;
        this.sslContext = builder.sslContext;
    }

    /** The default settings. */
    public static HttpConnectionRequesterOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** How long to wait for the TCP (and TLS) connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long a whole connection request may take, challenge round trip included. */
    public Duration timeout() {
        return timeout;
    }

    /** How many connection requests may be in flight at once. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** How many may wait for a free slot before new ones are refused. */
    public int maxQueuedRequests() {
        return maxQueuedRequests;
    }

    /** Whether a Basic challenge is answered (the password then crosses the network in clear over http). */
    public boolean basicAllowed() {
        return basicAllowed;
    }

    /** The TLS context for https ConnectionRequestURLs, if not the JDK's default. */
    public Optional<SSLContext> sslContext() {
        return sslContext;
    }

    /** Builds {@link HttpConnectionRequesterOptions}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(10);
        private int maxConcurrentRequests = 16;
        private int maxQueuedRequests = 1_000;
        private boolean basicAllowed;
        private Optional<SSLContext> sslContext = Optional.empty();

        private Builder() {
        }

        /** The connect timeout (positive). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** The overall timeout of one connection request (positive). */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** The most requests in flight (at least 1). */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
            }
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /** The most requests waiting for a slot (0 or more). */
        public Builder maxQueuedRequests(int maxQueuedRequests) {
            if (maxQueuedRequests < 0) {
                throw new IllegalArgumentException("maxQueuedRequests must not be negative");
            }
            this.maxQueuedRequests = maxQueuedRequests;
            return this;
        }

        /** Whether to answer Basic challenges; off by default. */
        public Builder basicAllowed(boolean basicAllowed) {
            this.basicAllowed = basicAllowed;
            return this;
        }

        /** The TLS context for https URLs (e.g. trusting the CPEs' own CA). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Optional.of(Objects.requireNonNull(sslContext, "sslContext"));
            return this;
        }

        /** The options. */
        public HttpConnectionRequesterOptions build() {
            return new HttpConnectionRequesterOptions(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
