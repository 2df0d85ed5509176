package dev.cwmp.session.auth;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity found in a CPE's TLS client certificate, handed to the function that maps it to a
 * device id.
 *
 * @param commonName              the subject's CN, if any
 * @param subjectAlternativeNames the DNS, URI, e-mail and IP subject alternative names, in
 *                                certificate order
 * @param certificate             the certificate itself, for anything else (issuer, serial, policies)
 */
public record CertificateIdentity(
        Optional<String> commonName, List<String> subjectAlternativeNames, X509Certificate certificate) {

    public CertificateIdentity {
        Objects.requireNonNull(commonName, "commonName");
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The name reported as the authenticated username: the CN, else the first SAN, else the subject DN. */
    public String displayName() {
        return commonName.orElseGet(() -> subjectAlternativeNames.isEmpty()
                ? certificate.getSubjectX500Principal().getName()
                : subjectAlternativeNames.get(0));
    }
}
