package dev.cwmp.testkit.internal.load;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds, without an XML parser, what a CPE needs of an ACS message to answer it: the name of the
 * first element inside the SOAP Body (the RPC's method name) and the text of the cwmp:ID header.
 * Much cheaper than decoding the envelope; it assumes a well-formed envelope, which is all a load
 * generator needs from the ACS it measures.
 */
public final class AcsRequestScanner {

    private static final byte[] BODY = HttpResponseReader.bytes("Body");
    private static final byte[] ID = HttpResponseReader.bytes("ID");

    /** What was found. */
    public record Found(String methodName, Optional<IdSpan> id) {
    }

    /** Where the cwmp:ID's text lies in the scanned bytes (copied to the answer unchanged). */
    public record IdSpan(int start, int end) {
    }

    private AcsRequestScanner() {
    }

    /** The method name and cwmp:ID of the message in {@code xml[0, length)}. */
    public static Found scan(byte[] xml, int length) throws ProtocolViolation {
        int body = findStartTag(xml, 0, length, BODY);
        if (body < 0) {
            throw new ProtocolViolation("no SOAP Body in the ACS's message");
        }
        int bodyTagEnd = HttpResponseReader.indexOf(xml, body, length, (byte) '>');
        if (bodyTagEnd < 0) {
            throw new ProtocolViolation("unterminated SOAP Body tag");
        }
        int i = bodyTagEnd + 1;
        while (true) {
            int lt = HttpResponseReader.indexOf(xml, i, length, (byte) '<');
            if (lt < 0 || lt + 1 >= length) {
                throw new ProtocolViolation("empty SOAP Body");
            }
            if (xml[lt + 1] == '!' || xml[lt + 1] == '?') { // a comment or a processing instruction
                int gt = HttpResponseReader.indexOf(xml, lt, length, (byte) '>');
                if (gt < 0) {
                    throw new ProtocolViolation("unterminated markup in the SOAP Body");
                }
                i = gt + 1;
                continue;
            }
            if (xml[lt + 1] == '/') {
                throw new ProtocolViolation("empty SOAP Body");
            }
            int nameStart = lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < length && !isNameEnd(xml[nameEnd])) {
                nameEnd++;
            }
            int colon = HttpResponseReader.indexOf(xml, nameStart, nameEnd, (byte) ':');
            int localStart = colon < 0 ? nameStart : colon + 1;
            String method = new String(xml, localStart, nameEnd - localStart, StandardCharsets.UTF_8);
            return new Found(method, idBefore(xml, body));
        }
    }

    private static Optional<IdSpan> idBefore(byte[] xml, int limit) {
        int tag = findStartTag(xml, 0, limit, ID);
        if (tag < 0) {
            return Optional.empty();
        }
        int gt = HttpResponseReader.indexOf(xml, tag, limit, (byte) '>');
        if (gt < 0 || xml[gt - 1] == '/') {
            return Optional.empty();
        }
        int lt = HttpResponseReader.indexOf(xml, gt + 1, limit, (byte) '<');
        return lt < 0 ? Optional.empty() : Optional.of(new IdSpan(gt + 1, lt));
    }

    /**
     * The index of the first start tag whose local name is {@code local} ({@code <local} or
     * {@code <prefix:local}, followed by whitespace, {@code >} or {@code /}), or -1.
     */
    static int findStartTag(byte[] xml, int from, int to, byte[] local) {
        for (int i = from; i + local.length < to; i++) {
            if (!regionEquals(xml, i, local)) {
                continue;
            }
            int after = i + local.length;
            if (!isNameEnd(xml[after])) {
                continue;
            }
            int j = i - 1;
            if (j >= 0 && xml[j] == ':') {
                j--;
                while (j >= 0 && !isNameEnd(xml[j]) && xml[j] != '<') {
                    j--;
                }
            }
            if (j >= 0 && xml[j] == '<') {
                return j;
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] xml, int at, byte[] word) {
        for (int k = 0; k < word.length; k++) {
            if (xml[at + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameEnd(byte b) {
        return b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\r' || b == '\n';
    }
}
