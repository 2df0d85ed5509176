package dev.cwmp.testkit.sim;

import java.util.Objects;

/**
 * Behaviour switches that make a simulated device behave like the difficult real ones of
 * {@code INTEROP.md}, so an ACS can be tested against them. {@link #NONE} is a well-behaved CPE.
 *
 * @param envelopePrefix the prefix of the SOAP envelope namespace ({@code soapenv}, {@code SOAP-ENV}, ...)
 * @param cwmpPrefix the prefix of the CWMP namespace ({@code cwmp}, {@code ns1}, ...)
 * @param xsi1999 use the 1999 {@code xsi}/{@code xsd} namespaces
 * @param omitXsiType write parameter values without {@code xsi:type}
 * @param wrongArrayTypeCounts declare {@code soapenc:arrayType} counts that do not match the items
 * @param booleansAsDigits write boolean values and {@code Writable} as {@code 1}/{@code 0}
 * @param faultDetailInFaultString nest the SOAP fault's {@code detail} inside {@code faultstring}
 * @param singleEvent send only the first EventStruct of an Inform
 * @param neverBootstrap never send {@code 0 BOOTSTRAP} (start with {@code 2 PERIODIC})
 * @param preemptiveBasic send HTTP Basic credentials with every request, unasked
 * @param unauthorizedIsFatal treat a 401 (a Digest challenge included) as a failed session
 * @param cookieStyle how cookies are sent back to the ACS
 * @param unauthenticatedConnectionRequests accept connection requests without credentials
 */
public record Quirks(
        String envelopePrefix,
        String cwmpPrefix,
        boolean xsi1999,
        boolean omitXsiType,
        boolean wrongArrayTypeCounts,
        boolean booleansAsDigits,
        boolean faultDetailInFaultString,
        boolean singleEvent,
        boolean neverBootstrap,
        boolean preemptiveBasic,
        boolean unauthorizedIsFatal,
        CookieStyle cookieStyle,
        boolean unauthenticatedConnectionRequests) {

    /** A well-behaved CPE. */
    public static final Quirks NONE = builder().build();

    /** How a device returns the ACS's cookies. */
    public enum CookieStyle {
        /** {@code name=value; name2=value2}, attributes dropped (RFC 6265). */
        STANDARD,
        /** The whole Set-Cookie value, attributes included ({@code session=abc; Path=/}). */
        WITH_ATTRIBUTES,
        /** Cookies separated by {@code ,} instead of {@code ;}. */
        COMMA_SEPARATED
    }

    public Quirks {
        requirePrefix(envelopePrefix, "envelopePrefix");
        requirePrefix(cwmpPrefix, "cwmpPrefix");
        Objects.requireNonNull(cookieStyle, "cookieStyle");
        if (envelopePrefix.equals(cwmpPrefix)) {
            throw new IllegalArgumentException("the envelope and cwmp prefixes must differ");
        }
    }

    private static void requirePrefix(String prefix, String what) {
        Objects.requireNonNull(prefix, what);
        if (!prefix.matches("[A-Za-z_][A-Za-z0-9_.-]{0,31}") || prefix.toLowerCase(java.util.Locale.ROOT).startsWith("xml")
                || prefix.equals("soapenc") || prefix.equals("xsd") || prefix.equals("xsi")) {
            throw new IllegalArgumentException(what + " is not a usable XML prefix: " + prefix);
        }
    }

    /** Whether the envelopes need rewriting after the codec wrote them. */
    public boolean rewritesXml() {
        return !envelopePrefix.equals("soapenv") || !cwmpPrefix.equals("cwmp") || xsi1999 || omitXsiType
                || wrongArrayTypeCounts || booleansAsDigits || faultDetailInFaultString;
    }

    /** A builder starting from these switches. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.envelopePrefix = envelopePrefix;
        b.cwmpPrefix = cwmpPrefix;
        b.xsi1999 = xsi1999;
        b.omitXsiType = omitXsiType;
        b.wrongArrayTypeCounts = wrongArrayTypeCounts;
        b.booleansAsDigits = booleansAsDigits;
        b.faultDetailInFaultString = faultDetailInFaultString;
        b.singleEvent = singleEvent;
        b.neverBootstrap = neverBootstrap;
        b.preemptiveBasic = preemptiveBasic;
        b.unauthorizedIsFatal = unauthorizedIsFatal;
        b.cookieStyle = cookieStyle;
        b.unauthenticatedConnectionRequests = unauthenticatedConnectionRequests;
        return b;
    }

    /** A builder of a well-behaved CPE's switches. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Quirks}. */
    public static final class Builder {
        private String envelopePrefix = "soapenv";
        private String cwmpPrefix = "cwmp";
        private boolean xsi1999;
        private boolean omitXsiType;
        private boolean wrongArrayTypeCounts;
        private boolean booleansAsDigits;
        private boolean faultDetailInFaultString;
        private boolean singleEvent;
        private boolean neverBootstrap;
        private boolean preemptiveBasic;
        private boolean unauthorizedIsFatal;
        private CookieStyle cookieStyle = CookieStyle.STANDARD;
        private boolean unauthenticatedConnectionRequests;

        private Builder() {
        }

        public Builder envelopePrefix(String prefix) {
            this.envelopePrefix = prefix;
            return this;
        }

        public Builder cwmpPrefix(String prefix) {
            this.cwmpPrefix = prefix;
            return this;
        }

        public Builder xsi1999(boolean on) {
            this.xsi1999 = on;
            return this;
        }

        public Builder omitXsiType(boolean on) {
            this.omitXsiType = on;
            return this;
        }

        public Builder wrongArrayTypeCounts(boolean on) {
            this.wrongArrayTypeCounts = on;
            return this;
        }

        public Builder booleansAsDigits(boolean on) {
            this.booleansAsDigits = on;
            return this;
        }

        public Builder faultDetailInFaultString(boolean on) {
            this.faultDetailInFaultString = on;
            return this;
        }

        public Builder singleEvent(boolean on) {
            this.singleEvent = on;
            return this;
        }

        public Builder neverBootstrap(boolean on) {
            this.neverBootstrap = on;
            return this;
        }

        public Builder preemptiveBasic(boolean on) {
            this.preemptiveBasic = on;
            return this;
        }

        public Builder unauthorizedIsFatal(boolean on) {
            this.unauthorizedIsFatal = on;
            return this;
        }

        public Builder cookieStyle(CookieStyle style) {
            this.cookieStyle = style;
            return this;
        }

        public Builder unauthenticatedConnectionRequests(boolean on) {
            this.unauthenticatedConnectionRequests = on;
            return this;
        }

        public Quirks build() {
            return new Quirks(envelopePrefix, cwmpPrefix, xsi1999, omitXsiType, wrongArrayTypeCounts,
                    booleansAsDigits, faultDetailInFaultString, singleEvent, neverBootstrap, preemptiveBasic,
                    unauthorizedIsFatal, cookieStyle, unauthenticatedConnectionRequests);
        }
    }
}
