package dev.cwmp.session.internal.http;

import dev.cwmp.session.Acs;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every transport adapter needs alike: its threads, the session sweep, the TLS peer's chain. */
public final class TransportSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TransportSupport.class);

    private TransportSupport() {
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ... */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A single daemon thread that calls {@link Acs#expire()} every {@code periodMillis}; shut it down on close. */
    public static ScheduledExecutorService startHousekeeping(Acs acs, long periodMillis) {
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                daemonThreads("cwmp-housekeeping"));
        housekeeping.scheduleWithFixedDelay(() -> expire(acs), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** Ends the ACS's idle sessions; a failure is logged, never thrown into a scheduler. */
    public static void expire(Acs acs) {
        try {
            acs.expire();
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed", e);
        }
    }

    /** The TLS peer's X.509 chain, leaf first; empty when the peer sent no certificate. */
    public static List<X509Certificate> peerCertificates(SSLSession session) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }
}
