package dev.cwmp.server.internal;

import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) handled before the JVM starts its shutdown: the server then closes
 * while the embedded database is still open. (Left to shutdown hooks, H2 closes its database in a
 * hook of its own, at the same time as the server's, and the server's last writes fail.)
 */
public final class TerminationSignals {

    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);

    private TerminationSignals() {
    }

    /**
     * Runs {@code onSignal} with the signal's number on a thread of its own when SIGTERM or SIGINT
     * arrives, instead of the JVM's shutdown; {@code onSignal} ends the JVM itself.
     *
     * @return whether the signals are handled (not when the JVM runs with {@code -Xrs})
     */
    public static boolean handle(IntConsumer onSignal) {
        boolean handled = true;
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> onSignal.accept(signal.getNumber()));
            } catch (IllegalArgumentException e) {
                LOG.debug("SIG{} left to the JVM: {}", name, e.getMessage());
                handled = false;
            }
        }
        return handled;
    }
}
