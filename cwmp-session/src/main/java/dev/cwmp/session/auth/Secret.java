package dev.cwmp.session.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A password or other shared secret. Its {@link #toString()} never reveals the value, so a
 * {@code Secret} may sit in records, log lines and exception messages without leaking.
 *
 * <p>Equality is identity: compare secrets with {@link #matches(Secret)}, which runs in time
 * independent of where the values differ.
 */
public final class Secret {

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** A secret holding a copy of {@code value}. */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.clone());
    }

    /** A secret holding {@code value}. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    /** A copy of the characters; the caller should overwrite it when done. */
    public char[] toCharArray() {
        return value.clone();
    }

    /** The UTF-8 encoding of the secret, in a fresh array the caller should overwrite when done. */
    public byte[] toUtf8() {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            // unreachable with REPLACE; say nothing about the value
            throw new IllegalStateException("secret cannot be encoded as UTF-8");
        }
    }

    /** Whether {@code other} holds the same value, compared in constant time. */
    public boolean matches(Secret other) {
        byte[] mine = toUtf8();
        byte[] theirs = other.toUtf8();
        try {
            return MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    /** Whether the secret is the empty string. */
    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
