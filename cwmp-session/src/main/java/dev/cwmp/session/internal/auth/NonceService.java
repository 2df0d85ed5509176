package dev.cwmp.session.internal.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues Digest nonces and guards their use.
 *
 * <p>A nonce is {@code base64url(issuedAtMillis[8] || random[16] || HMAC-SHA256(key, first 24)[16])}
 * with a key drawn from {@link SecureRandom} per instance: unguessable, and self-validating, so a
 * forged or altered nonce is told apart from an expired or forgotten one without a lookup. Every issued
 * nonce is also tracked with the highest nonce count used so far (replay protection) in a map capped
 * at {@code maxTracked}, oldest first out; a forgotten nonce is answered as stale, so a replay can never
 * succeed by outliving its entry.
 */
public final class NonceService {

    /** What {@link #check} and {@link #advance} found. */
    public enum Status {
        /** Issued by us, within its lifetime (and for {@code advance}: nc accepted). */
        VALID,
        /** Not issued by this instance: malformed, forged or tampered with. */
        FORGED,
        /** Issued by us but expired or no longer tracked: challenge again with stale=true. */
        STALE,
        /** The nonce count did not increase. */
        REPLAYED
    }

    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final InstantSource clock;
    private final long lifetimeMillis;
    private final int maxTracked;
    /** nonce -> highest nc seen (0 before first use); insertion order = issue order. Guarded by itself. */
    private final LinkedHashMap<String, Long> tracked = new LinkedHashMap<>();

    public NonceService(InstantSource clock, Duration lifetime, int maxTracked) {
        this.clock = clock;
        this.lifetimeMillis = lifetime.toMillis();
        this.maxTracked = maxTracked;
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    /** A fresh nonce, tracked from now on. */
    public String issue() {
        ByteBuffer buffer = ByteBuffer.allocate(NONCE_BYTES);
        buffer.putLong(clock.millis());
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        buffer.put(randomPart);
        buffer.put(mac(buffer.array(), TIME_BYTES + RANDOM_BYTES), 0, MAC_BYTES);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
        synchronized (tracked) {
            evictExpired();
            while (tracked.size() >= maxTracked) {
                Iterator<String> eldest = tracked.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            tracked.put(nonce, 0L);
        }
        return nonce;
    }

    /** Whether {@code nonce} is one of ours and still current (does not consume a nonce count). */
    public Status check(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Status.FORGED;
        }
        if (bytes.length != NONCE_BYTES) {
            return Status.FORGED;
        }
        byte[] expectedMac = Arrays.copyOf(mac(bytes, TIME_BYTES + RANDOM_BYTES), MAC_BYTES);
        byte[] actualMac = Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(expectedMac, actualMac)) {
            return Status.FORGED;
        }
        long issuedAt = ByteBuffer.wrap(bytes).getLong();
        return isExpired(issuedAt, clock.millis()) ? Status.STALE : Status.VALID;
    }

    /**
     * Records that {@code nc} was used with {@code nonce} after the request proved authentic. The nonce
     * count must be greater than every one used before with this nonce.
     */
    public Status advance(String nonce, long nc) {
        synchronized (tracked) {
            Long last = tracked.get(nonce);
            if (last == null) {
                return Status.STALE;
            }
            if (nc <= last) {
                return Status.REPLAYED;
            }
            tracked.put(nonce, nc); // replacing a value keeps the insertion order
            return Status.VALID;
        }
    }

    /** How many nonces are tracked now. */
    public int trackedCount() {
        synchronized (tracked) {
            return tracked.size();
        }
    }

    private void evictExpired() {
        long now = clock.millis();
        Iterator<String> it = tracked.keySet().iterator();
        while (it.hasNext()) {
            byte[] bytes = Base64.getUrlDecoder().decode(it.next());
            if (!isExpired(ByteBuffer.wrap(bytes).getLong(), now)) {
                break; // issue order: the rest are younger
            }
            it.remove();
        }
    }

    private boolean isExpired(long issuedAtMillis, long nowMillis) {
        return nowMillis - issuedAtMillis > lifetimeMillis || nowMillis < issuedAtMillis - lifetimeMillis;
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Parses an 8-hex-digit nonce count; -1 when malformed. */
    public static long parseNonceCount(String nc) {
        if (nc.isEmpty() || nc.length() > 8) {
            return -1;
        }
        try {
            long value = Long.parseLong(nc, 16);
            return value > 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "NonceService[tracked=" + trackedCount() + "]";
    }
}
