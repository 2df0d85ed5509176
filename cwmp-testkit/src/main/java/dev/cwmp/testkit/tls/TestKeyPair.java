package dev.cwmp.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC key pair for tests of TLS on loopback, made by the JDK's own {@code keytool}:
 * a PKCS12 key store holding the key and its certificate, and a PKCS12 trust store holding only the
 * certificate (what a peer that trusts it loads). Both files under one directory, with one password.
 *
 * <pre>{@code
 * TestKeyPair acs = TestKeyPair.create(dir, "acs", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
 * NbiServer.builder()...tls(acs.serverContext())...start();
 * HttpClient client = HttpClient.newBuilder().sslContext(acs.trustingContext()).build();
 * }</pre>
 *
 * @param keyStore the PKCS12 key store with the key pair, under its alias
 * @param trustStore a PKCS12 store with the certificate only
 * @param password the password of both stores
 */
public record TestKeyPair(Path keyStore, Path trustStore, String password) {

    /** The password of the stores {@link #create} makes. */
    public static final String PASSWORD = "changeit";

    public TestKeyPair {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Makes {@code <alias>.p12} (the key pair, valid two days) and {@code <alias>-trust.p12} (its
     * certificate) in {@code dir}.
     *
     * @param distinguishedName the certificate's subject, e.g. {@code CN=127.0.0.1} (commas in a value
     *     escaped as {@code \,})
     * @param subjectAlternativeNames keytool's {@code san=} value, e.g. {@code ip:127.0.0.1,ip:::1}
     * @throws IllegalStateException when keytool fails, with its output
     */
    public static TestKeyPair create(Path dir, String alias, String distinguishedName,
            Optional<String> subjectAlternativeNames) {
        Path keys = dir.resolve(alias + ".p12");
        Path certificate = dir.resolve(alias + ".crt");
        Path trust = dir.resolve(alias + "-trust.p12");
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", distinguishedName, "-keystore", keys.toString()));
        subjectAlternativeNames.ifPresent(san -> generate.addAll(List.of("-ext", "san=" + san)));
        keytool(dir, generate);
        keytool(dir, List.of("-exportcert", "-alias", alias, "-keystore", keys.toString(), "-file", certificate.toString()));
        keytool(dir, List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore",
                trust.toString()));
        return new TestKeyPair(keys, trust, PASSWORD);
    }

    /** The key store, loaded. */
    public KeyStore keys() {
        return load(keyStore);
    }

    /** The trust store, loaded. */
    public KeyStore trusted() {
        return load(trustStore);
    }

    /** A TLS context presenting this key pair (a server, or a client with a certificate). */
    public SSLContext serverContext() {
        return context(Optional.of(keys()), Optional.empty());
    }

    /** A TLS context that trusts this certificate only (a client of a server presenting it). */
    public SSLContext trustingContext() {
        return context(Optional.empty(), Optional.of(trusted()));
    }

    /** A TLS context presenting this key pair and trusting {@code peer}'s certificate (mutual TLS). */
    public SSLContext mutualContext(TestKeyPair peer) {
        return context(Optional.of(keys()), Optional.of(peer.trusted()));
    }

    /** A TLS context that trusts no certificate at all (a client every server's handshake fails). */
    public static SSLContext trustingNothing() {
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(empty);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }

    private SSLContext context(Optional<KeyStore> keys, Optional<KeyStore> trusted) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = null;
            if (keys.isPresent()) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys.get(), password.toCharArray());
            }
            TrustManagerFactory tmf = null;
            if (trusted.isPresent()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted.get());
            }
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context from " + keyStore, e);
        }
    }

    private KeyStore load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + file, e);
        }
    }

    private static void keytool(Path dir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool " + args.get(0) + " did not end within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }
}
