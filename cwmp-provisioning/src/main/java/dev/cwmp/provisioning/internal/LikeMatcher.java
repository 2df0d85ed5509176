package dev.cwmp.provisioning.internal;

/**
 * SQL {@code LIKE} on the whole string: {@code %} matches any run of characters (possibly none),
 * {@code _} exactly one (a UTF-16 unit), everything else itself, case-sensitively. Iterative with
 * one backtrack point, so linear-ish and without allocation.
 */
public final class LikeMatcher {

    private LikeMatcher() {}

    public static boolean matches(String s, String pattern) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < pattern.length()) {
                char pc = pattern.charAt(pi);
                if (pc == '%') {
                    starP = pi++;
                    starS = si;
                    continue;
                }
                if (pc == '_' || pc == s.charAt(si)) {
                    pi++;
                    si++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '%') {
            pi++;
        }
        return pi == pattern.length();
    }
}
