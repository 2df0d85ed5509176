package dev.cwmp.session.internal.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One credentials or challenge element of an {@code Authorization} or {@code WWW-Authenticate}
 * header (RFC 9110 section 11), parsed leniently: quoted or unquoted values, any parameter order,
 * extra spaces, parameter names in any case.
 *
 * @param scheme  the auth scheme as sent
 * @param token68 the token68 form (Basic credentials), if used
 * @param params  the auth-params by lower-case name
 */
public record AuthHeader(String scheme, Optional<String> token68, Map<String, String> params) {

    /** Longest header value parsed; longer ones are malformed. */
    public static final int MAX_LENGTH = 8192;

    public AuthHeader {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether the scheme is {@code scheme}, ignoring case. */
    public boolean hasScheme(String scheme) {
        return this.scheme.equalsIgnoreCase(scheme);
    }

    /** The parameter named {@code name} (lower case), if present. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** Thrown for a header that cannot be parsed; carries no header content. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses a header value holding one or more comma-separated challenges or credentials.
     *
     * @throws MalformedException if the value is too long or not shaped like auth elements
     */
    public static List<AuthHeader> parseAll(String value) throws MalformedException {
        if (value.length() > MAX_LENGTH) {
            throw new MalformedException("header too long");
        }
        return new Parser(value).parse();
    }

    /** Parses a header value holding exactly one credentials element (an {@code Authorization} value). */
    public static AuthHeader parseOne(String value) throws MalformedException {
        List<AuthHeader> all = parseAll(value);
        if (all.size() != 1) {
            throw new MalformedException("expected one credentials element");
        }
        return all.get(0);
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        List<AuthHeader> parse() throws MalformedException {
            List<AuthHeader> result = new ArrayList<>();
            String scheme = null;
            String token68 = null;
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                skipWhitespaceAndCommas();
                if (atEnd()) {
                    break;
                }
                String name = readToken();
                if (name.isEmpty()) {
                    throw new MalformedException("unexpected character");
                }
                skipSpaces();
                if (scheme != null && peek() == '=') {
                    // name=value continuing the current element
                    i++;
                    skipSpaces();
                    putParam(params, name, readValue());
                    continue;
                }
                // a new element starting with its scheme
                if (scheme != null) {
                    result.add(new AuthHeader(scheme, Optional.ofNullable(token68), params));
                }
                scheme = name;
                token68 = null;
                params = new LinkedHashMap<>();
                if (atEnd() || peek() == ',') {
                    continue;
                }
                int start = i;
                String first = readToken();
                skipSpaces();
                if (!first.isEmpty() && peek() == '=' && !isToken68Padding()) {
                    i++;
                    skipSpaces();
                    putParam(params, first, readValue());
                } else {
                    i = start;
                    token68 = readToken68();
                    if (token68.isEmpty()) {
                        throw new MalformedException("expected token68 or auth-param");
                    }
                }
            }
            if (scheme != null) {
                result.add(new AuthHeader(scheme, Optional.ofNullable(token68), params));
            }
            return result;
        }

        private static void putParam(Map<String, String> params, String name, String value)
                throws MalformedException {
            if (params.putIfAbsent(name.toLowerCase(Locale.ROOT), value) != null) {
                throw new MalformedException("duplicate parameter");
            }
        }

        /** At '=': whether the '='s run to the end of the element (token68 padding, not a param). */
        private boolean isToken68Padding() {
            int j = i;
            while (j < s.length() && s.charAt(j) == '=') {
                j++;
            }
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            return j >= s.length() || s.charAt(j) == ',';
        }

        private String readValue() throws MalformedException {
            if (peek() == '"') {
                i++;
                StringBuilder b = new StringBuilder();
                while (true) {
                    if (atEnd()) {
                        throw new MalformedException("unterminated quoted string");
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        return b.toString();
                    }
                    if (c == '\\') {
                        if (atEnd()) {
                            throw new MalformedException("unterminated quoted string");
                        }
                        c = s.charAt(i++);
                    }
                    b.append(c);
                }
            }
            // unquoted: be lenient, take everything up to a comma or whitespace
            int start = i;
            while (!atEnd() && s.charAt(i) != ',' && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                i++;
            }
            return s.substring(start, i);
        }

        private String readToken() {
            int start = i;
            while (!atEnd() && isTokenChar(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        private String readToken68() {
            int start = i;
            while (!atEnd() && isToken68Char(s.charAt(i))) {
                i++;
            }
            while (!atEnd() && s.charAt(i) == '=') {
                i++;
            }
            return s.substring(start, i);
        }

        private void skipSpaces() {
            while (!atEnd() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private void skipWhitespaceAndCommas() {
            while (!atEnd() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ',')) {
                i++;
            }
        }

        private boolean atEnd() {
            return i >= s.length();
        }

        private char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={} ".indexOf(c) < 0;
        }

        private static boolean isToken68Char(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-._~+/".indexOf(c) >= 0;
        }
    }
}
