package dev.cwmp.session.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** SSL contexts from the test keystores in {@code src/test/resources/tls} (see the README there). */
final class TestTls {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    /** The ACS: its key pair, trusting CPE A and CPE B. */
    static SSLContext acs() {
        return context(Optional.of("acs-server.p12"), "acs-truststore.p12");
    }

    /** A CPE with the key pair of {@code keystore} ({@code cpe-a.p12}, {@code cpe-b.p12}), trusting the ACS. */
    static SSLContext cpe(String keystore) {
        return context(Optional.of(keystore), "cpe-truststore.p12");
    }

    /** A TLS client without a certificate, trusting the ACS. */
    static SSLContext anonymousClient() {
        return context(Optional.empty(), "cpe-truststore.p12");
    }

    private static SSLContext context(Optional<String> keystore, String truststore) {
        try {
            KeyManager[] keys = null;
            if (keystore.isPresent()) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keystore.get()), PASSWORD);
                keys = kmf.getKeyManagers();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(truststore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(String name) {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test keystore /tls/" + name);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
