package dev.cwmp.testkit.load;

import dev.cwmp.testkit.internal.load.BlockingCannedServer;
import dev.cwmp.testkit.internal.load.CannedResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * An ACS that answers every session with the same bytes, parsing nothing beyond HTTP framing: the
 * InformResponse with a session cookie, then (for {@link Scenario#GET_THEN_SET}) fixed
 * GetParameterValues and SetParameterValues requests, then 204 with {@code Connection: close}. The
 * envelopes are the ones {@code cwmp-session} writes for the load generator's CPEs. It is the ceiling
 * the session benchmark compares a real ACS against: what the HTTP exchanges alone cost.
 *
 * <p>It runs on blocking sockets (an accept thread, a pool of connection threads), which made a higher
 * ceiling than the JDK's HttpServer serving the same bytes: on 2 shared cores, median of 3 runs of
 * 3 s with 64 CPEs, bare 4,748 and 7,164 sessions/s against 3,413 and 3,539 for the JDK server;
 * get-then-set 5,720 and 6,940 against 2,807 with {@code sun.net.httpserver.nodelay=true} and about
 * 600 without it (Nagle's algorithm meets delayed ACKs on the keep-alive responses).
 *
 * <p>Responses follow one another per connection (the n-th request of a connection gets the n-th
 * response of the session), which is how the load generator's CPEs use connections.
 */
public final class CannedAcsServer implements AutoCloseable {

    private final AutoCloseable server;
    private final InetSocketAddress address;
    private final Scenario scenario;

    private CannedAcsServer(AutoCloseable server, InetSocketAddress address, Scenario scenario) {
        this.server = server;
        this.address = address;
        this.scenario = scenario;
    }

    /** Starts a server on the address (port 0 picks a free port). */
    public static CannedAcsServer start(InetSocketAddress address, Scenario scenario) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scenario, "scenario");
        List<byte[]> responses = CannedResponses.of(scenario);
        try {
            BlockingCannedServer s = new BlockingCannedServer(address, responses);
            return new CannedAcsServer(s, s.address(), scenario);
        } catch (IOException e) {
            throw new LoadTestException("cannot listen on " + address, e);
        }
    }

    /** The address it listens on, with the actual port. */
    public InetSocketAddress address() {
        return address;
    }

    /** The port it listens on. */
    public int port() {
        return address.getPort();
    }

    /** The scenario it answers. */
    public Scenario scenario() {
        return scenario;
    }

    /** Stops listening and closes the open connections. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new LoadTestException("cannot stop the canned server", e);
        }
    }
}
