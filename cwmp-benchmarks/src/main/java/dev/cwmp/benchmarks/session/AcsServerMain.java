package dev.cwmp.benchmarks.session;

import dev.cwmp.session.Acs;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.testkit.load.Scenario;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Our ACS as the session benchmark runs it, in its own JVM: JDK HTTP adapter on 127.0.0.1,
 * {@link CpeAuthenticator#none()}, in-memory device store and task queue, no driver (bare) or
 * {@link GetThenSetDriver}. Prints {@code LISTENING <port>} and serves until the process is stopped.
 * Arguments: {@code bare|get-then-set [threads|socket]}: the JDK server's worker threads (default 32),
 * or {@code socket} for {@link SocketTransport} instead of the JDK server.
 */
public final class AcsServerMain {

    private AcsServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario scenario = Scenario.ofCliName(args.length > 0 ? args[0] : "bare");
        SessionDriver driver = scenario == Scenario.GET_THEN_SET ? new GetThenSetDriver() : SessionDriver.NONE;
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).build();
        boolean sockets = args.length > 1 && args[1].equals("socket");
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        if (sockets) {
            try (SocketTransport http = SocketTransport.start(acs, loopback)) {
                System.out.println("LISTENING " + http.port() + " ours " + scenario.cliName() + " socket");
                System.out.flush();
                new CountDownLatch(1).await();
            }
        } else {
            int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
            try (JdkHttpTransport http = JdkHttpTransport.start(acs, loopback, java.util.Optional.empty(), threads)) {
                System.out.println("LISTENING " + http.port() + " ours " + scenario.cliName());
                System.out.flush();
                new CountDownLatch(1).await();
            }
        }
    }
}
