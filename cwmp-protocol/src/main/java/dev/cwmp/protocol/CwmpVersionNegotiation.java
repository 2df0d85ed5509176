package dev.cwmp.protocol;

import dev.cwmp.protocol.rpc.Inform;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ACS side of CWMP version negotiation (TR-069 Amendment 6, section 3.4.4 and Annex A): given the
 * decoded Inform and the versions the ACS supports, which version the session uses and which headers
 * the InformResponse carries.
 *
 * <ul>
 *   <li>A CPE that sent {@code SupportedCWMPVersions} (1.4) gets the highest version both support,
 *       never above the version of the Inform's own envelope, announced in a {@code UseCWMPVersion}
 *       header.</li>
 *   <li>Any other CPE gets the highest version the ACS supports that is not above the version its
 *       Inform was written in (the ACS answers in the namespace the CPE used, never higher).</li>
 *   <li>No common version: empty; the ACS answers with fault 8006
 *       ({@link FaultCode#ACS_VERSION_INCOMPATIBLE}).</li>
 * </ul>
 */
public final class CwmpVersionNegotiation {

    private CwmpVersionNegotiation() {
    }

    /**
     * The outcome of a negotiation.
     *
     * @param version the version of the rest of the session (the InformResponse is written in it)
     * @param responseHeaders the headers of the InformResponse: the Inform's ID and, when the CPE sent
     *     SupportedCWMPVersions, {@code UseCWMPVersion}
     */
    public record Agreement(CwmpVersion version, CwmpHeaders responseHeaders) {

        /** Validates. */
        public Agreement {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(responseHeaders, "responseHeaders");
        }
    }

    /**
     * Negotiates the session version.
     *
     * @param inform the decoded envelope holding the CPE's {@link Inform}
     * @param acsVersions the versions the ACS supports (not empty)
     * @return the agreement, or empty when there is no common version
     * @throws IllegalArgumentException when the envelope does not hold an Inform or no ACS version is given
     */
    public static Optional<Agreement> negotiate(CwmpEnvelope inform, Set<CwmpVersion> acsVersions) {
        Objects.requireNonNull(inform, "inform");
        if (!(inform.body() instanceof Inform)) {
            throw new IllegalArgumentException("version negotiation starts from an Inform, not a "
                    + inform.body().methodName());
        }
        if (acsVersions.isEmpty()) {
            throw new IllegalArgumentException("the ACS supports no version");
        }
        CwmpHeaders headers = inform.headers();
        Set<CwmpVersion> candidates = EnumSet.noneOf(CwmpVersion.class);
        boolean announced = !headers.supportedCwmpVersions().isEmpty();
        if (announced) {
            for (String label : headers.supportedCwmpVersions()) {
                CwmpVersion.fromLabel(label).ifPresent(candidates::add);
            }
        } else {
            for (CwmpVersion version : CwmpVersion.values()) {
                if (!version.isAtLeast(inform.version()) || version == inform.version()) {
                    candidates.add(version);
                }
            }
        }
        CwmpVersion chosen = null;
        for (CwmpVersion version : candidates) {
            boolean notAboveInformNamespace = version.namespaceUri().compareTo(inform.version().namespaceUri()) <= 0;
            if (acsVersions.contains(version) && notAboveInformNamespace) {
                chosen = version;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        CwmpHeaders.Builder response = CwmpHeaders.builder();
        headers.id().ifPresent(response::id);
        if (announced) {
            response.useCwmpVersion(chosen.label());
        }
        return Optional.of(new Agreement(chosen, response.build()));
    }
}
