package dev.cwmp.server.internal;

import dev.cwmp.server.AcsServerException;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.server.ServerConfig.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The SSL contexts of {@code --tls-keystore}, {@code --nbi-tls-keystore}, {@code --fs-tls-keystore} and
 * {@code --cpe-auth client-cert}, from PKCS#12 files.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * The server's context: its key pair from the keystore; with client certificates, trusting the CAs
     * of the trust store (else the JDK's, which no CPE certificate is checked against: the transport
     * only asks for one).
     */
    public static SSLContext server(Tls tls, Optional<CpeAuth.ClientCertificate> clientCertificates) {
        return server("--tls-keystore", tls, clientCertificates);
    }

    /** The context of a listener without client certificates (the NBI, the file server); errors name {@code flag}. */
    public static SSLContext server(String flag, Tls tls) {
        return server(flag, tls, Optional.empty());
    }

    private static SSLContext server(String flag, Tls tls, Optional<CpeAuth.ClientCertificate> clientCertificates) {
        KeyStore keys = load(flag, tls.keystore(), Optional.of(tls.password().toCharArray()));
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, tls.password().toCharArray());
            TrustManager[] trust = null;
            if (clientCertificates.isPresent()) {
                CpeAuth.ClientCertificate cc = clientCertificates.get();
                KeyStore cas = load("--tls-truststore", cc.trustStore(), cc.trustStorePassword().map(s -> s.toCharArray()));
                if (cas.size() == 0) {
                    throw new AcsServerException("--tls-truststore: " + cc.trustStore() + " holds no certificate");
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(cas);
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new AcsServerException(flag + ": cannot use " + tls.keystore() + ": " + e.getMessage(), e);
        }
    }

    /** A client context trusting the certificates of the server's keystore (the demo's CPEs). */
    public static SSLContext trustingServer(Tls tls) {
        return trusting(List.of(tls));
    }

    /**
     * A client context trusting the certificates of these keystores (the demo's CPEs, which inform
     * CWMP and download from the file server).
     */
    public static SSLContext trusting(List<Tls> keystores) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            for (Tls tls : keystores) {
                KeyStore keys = load("--tls-keystore", tls.keystore(), Optional.of(tls.password().toCharArray()));
                for (String alias : Collections.list(keys.aliases())) {
                    Certificate[] chain = keys.getCertificateChain(alias);
                    Certificate certificate = chain != null && chain.length > 0 ? chain[0] : keys.getCertificate(alias);
                    if (certificate != null) {
                        trusted.setCertificateEntry("server-" + n++, certificate);
                    }
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new AcsServerException("cannot trust the certificates of " + keystores.stream().map(Tls::keystore)
                    .toList() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String flag, Path file, Optional<char[]> password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.orElse(null));
            return store;
        } catch (NoSuchFileException e) {
            throw new AcsServerException(flag + ": no such file " + file);
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException ("keystore password was incorrect").
            throw new AcsServerException(flag + ": cannot read " + file + " as PKCS#12: " + e.getMessage(), e);
        }
    }
}
