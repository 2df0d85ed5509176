package dev.cwmp.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CWMP SOAP headers of an envelope (TR-069 section 3.4.4): {@code ID}, {@code HoldRequests},
 * {@code NoMoreRequests} (1.0, deprecated later), {@code SessionTimeout} (1.3),
 * {@code SupportedCWMPVersions} and {@code UseCWMPVersion} (1.4).
 *
 * <p>{@code holdRequests} and {@code noMoreRequests} are written only when true. The encoder writes
 * {@code ID} with {@code soapenv:mustUnderstand="1"} unless {@code idMustUnderstand} is false (the
 * schema requires 1; false exists only to represent what a device sent).
 *
 * @param id the {@code cwmp:ID} header, when present
 * @param idMustUnderstand the {@code mustUnderstand} attribute of the ID header
 * @param holdRequests the {@code HoldRequests} header (ACS to CPE)
 * @param noMoreRequests the {@code NoMoreRequests} header (CPE to ACS, 1.0 only)
 * @param sessionTimeout the {@code SessionTimeout} header in seconds (CPE to ACS, 1.3+)
 * @param supportedCwmpVersions the labels of the {@code SupportedCWMPVersions} header, e.g. "1.0", "1.4"
 * @param useCwmpVersion the {@code UseCWMPVersion} header (ACS to CPE, 1.4), a label like "1.4"
 */
public record CwmpHeaders(
        Optional<String> id,
        boolean idMustUnderstand,
        boolean holdRequests,
        boolean noMoreRequests,
        OptionalInt sessionTimeout,
        List<String> supportedCwmpVersions,
        Optional<String> useCwmpVersion) {

    /** No headers at all. */
    public static final CwmpHeaders NONE = new CwmpHeaders(
            Optional.empty(), true, false, false, OptionalInt.empty(), List.of(), Optional.empty());

    // Validates and copies.
    public CwmpHeaders {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(useCwmpVersion, "useCwmpVersion");
        supportedCwmpVersions = List.copyOf(supportedCwmpVersions);
        if (sessionTimeout.isPresent() && sessionTimeout.getAsInt() < 0) {
            throw new IllegalArgumentException("sessionTimeout must not be negative: " + sessionTimeout.getAsInt());
        }
        for (String label : supportedCwmpVersions) {
            if (label.isBlank() || label.indexOf(',') >= 0) {
                throw new IllegalArgumentException("not a version label: '" + label + "'");
            }
        }
    }

    /** Only a {@code cwmp:ID} header (with mustUnderstand). */
    public static CwmpHeaders withId(String id) {
        return builder().id(id).build();
    }

    /** A builder with no headers set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these headers. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id.orElse(null);
        builder.idMustUnderstand = idMustUnderstand;
        builder.holdRequests = holdRequests;
        builder.noMoreRequests = noMoreRequests;
        builder.sessionTimeout = sessionTimeout;
        builder.supportedCwmpVersions = new ArrayList<>(supportedCwmpVersions);
        builder.useCwmpVersion = useCwmpVersion.orElse(null);
        return builder;
    }

    /** Whether no header at all is set (nothing to write in a SOAP Header). */
    public boolean isEmpty() {
        return id.isEmpty() && !holdRequests && !noMoreRequests && sessionTimeout.isEmpty()
                && supportedCwmpVersions.isEmpty() && useCwmpVersion.isEmpty();
    }

    /** Builds {@link CwmpHeaders}. */
    public static final class Builder {
        private String id;
        private boolean idMustUnderstand = true;
        private boolean holdRequests;
        private boolean noMoreRequests;
        private OptionalInt sessionTimeout = OptionalInt.empty();
        private List<String> supportedCwmpVersions = new ArrayList<>();
        private String useCwmpVersion;

        private Builder() {
        }

        /** Sets the {@code cwmp:ID} header. */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Removes the {@code cwmp:ID} header. */
        public Builder noId() {
            this.id = null;
            return this;
        }

        /** Sets the mustUnderstand attribute of the ID header (default true). */
        public Builder idMustUnderstand(boolean idMustUnderstand) {
            this.idMustUnderstand = idMustUnderstand;
            return this;
        }

        /** Sets {@code HoldRequests}. */
        public Builder holdRequests(boolean holdRequests) {
            this.holdRequests = holdRequests;
            return this;
        }

        /** Sets {@code NoMoreRequests}. */
        public Builder noMoreRequests(boolean noMoreRequests) {
            this.noMoreRequests = noMoreRequests;
            return this;
        }

        /** Sets {@code SessionTimeout} in seconds. */
        public Builder sessionTimeout(int seconds) {
            this.sessionTimeout = OptionalInt.of(seconds);
            return this;
        }

        /** Sets {@code SupportedCWMPVersions} from labels like "1.0", "1.4". */
        public Builder supportedCwmpVersions(List<String> labels) {
            this.supportedCwmpVersions = new ArrayList<>(labels);
            return this;
        }

        /** Sets {@code SupportedCWMPVersions} from versions. */
        public Builder supportedVersions(List<CwmpVersion> versions) {
            List<String> labels = new ArrayList<>(versions.size());
            for (CwmpVersion version : versions) {
                labels.add(version.label());
            }
            this.supportedCwmpVersions = labels;
            return this;
        }

        /** Sets {@code UseCWMPVersion} (a label like "1.4"). */
        public Builder useCwmpVersion(String label) {
            this.useCwmpVersion = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Builds the headers. */
        public CwmpHeaders build() {
            return new CwmpHeaders(Optional.ofNullable(id), idMustUnderstand, holdRequests, noMoreRequests,
                    sessionTimeout, supportedCwmpVersions, Optional.ofNullable(useCwmpVersion));
        }
    }
}
