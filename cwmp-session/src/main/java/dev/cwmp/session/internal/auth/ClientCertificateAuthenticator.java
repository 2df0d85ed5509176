package dev.cwmp.session.internal.auth;

import dev.cwmp.session.auth.CertificateIdentity;
import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeAuthResult;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.RejectionReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates by TLS client certificate: the chain was verified by the TLS layer; here the CPE's
 * certificate must be valid at the clock's time and its identity must map to a device id.
 */
public final class ClientCertificateAuthenticator implements CpeAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cwmp.session.auth");

    /** GeneralName tags of RFC 5280 that carry text we report. */
    private static final int SAN_RFC822 = 1;
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;
    private static final int SAN_IP = 7;

    private final Function<CertificateIdentity, Optional<String>> deviceIdMapper;
    private final InstantSource clock;

    public ClientCertificateAuthenticator(Function<CertificateIdentity, Optional<String>> deviceIdMapper,
            InstantSource clock) {
        this.deviceIdMapper = deviceIdMapper;
        this.clock = clock;
    }

    @Override
    public CpeAuthResult authenticate(CpeAuthRequest request) {
        if (request.clientCertificateChain().isEmpty()) {
            return reject(request, RejectionReason.MISSING_CLIENT_CERTIFICATE, "no client certificate");
        }
        X509Certificate certificate = request.clientCertificateChain().get(0);
        CertificateIdentity identity = identityOf(certificate);
        String who = "certificate " + LogSafe.of(identity.displayName());
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return reject(request, RejectionReason.INVALID_CLIENT_CERTIFICATE, who + " not valid now");
        }
        Optional<String> deviceId = Objects.requireNonNull(deviceIdMapper.apply(identity),
                "the device id mapper returned null");
        if (deviceId.isEmpty()) {
            return reject(request, RejectionReason.UNKNOWN_CLIENT_IDENTITY, who + " maps to no device");
        }
        LOG.debug("CPE authenticated: {} (device {}) at {} with a client certificate", who,
                LogSafe.of(deviceId.get()), request.peerAddress());
        return new CpeAuthResult.Authenticated(identity.displayName(), deviceId);
    }

    /** The CN and the textual SANs of {@code certificate}. */
    public static CertificateIdentity identityOf(X509Certificate certificate) {
        Optional<String> commonName = Optional.empty();
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            // index 0 is the rightmost RDN of the string form: the leftmost (most specific) CN comes last
            for (Rdn rdn : rdns) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    commonName = Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            commonName = Optional.empty();
        }
        List<String> alternativeNames = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int tag = (Integer) san.get(0);
                    if ((tag == SAN_RFC822 || tag == SAN_DNS || tag == SAN_URI || tag == SAN_IP)
                            && san.get(1) instanceof String) {
                        alternativeNames.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            alternativeNames.clear();
        }
        return new CertificateIdentity(commonName, alternativeNames, certificate);
    }

    private static CpeAuthResult reject(CpeAuthRequest request, RejectionReason reason, String detail) {
        LOG.warn("CPE authentication rejected ({}): {} at {}", reason, detail, request.peerAddress());
        return new CpeAuthResult.Rejected(reason, List.of());
    }

    @Override
    public String toString() {
        return "ClientCertificateAuthenticator";
    }
}
