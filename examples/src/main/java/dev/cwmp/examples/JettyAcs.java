package dev.cwmp.examples;

import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.servlet.CwmpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The ACS in a Servlet container: Jetty 12 (ee10) serving {@link CwmpServlet} at {@code /acs}, with
 * the zero-touch presets in a {@link ProvisioningDriver}. Any Servlet 6 container works the same way
 * (see {@link CwmpServlet} for Tomcat and Spring Boot).
 *
 * <pre>
 * java -cp 'examples/target/examples.jar:examples/target/lib/*' dev.cwmp.examples.JettyAcs 7547
 * </pre>
 */
public final class JettyAcs implements AutoCloseable {

    private final ProvisioningDriver driver;
    private final Acs acs;
    private final ScheduledExecutorService housekeeping;
    private final Server jetty;

    private JettyAcs(String host, int port, CpeAuthenticator authenticator) throws Exception {
        driver = ZeroTouch.register(ProvisioningDriver.builder(ZeroTouch.presets())).build();
        acs = Acs.builder().authenticator(authenticator).sessionDriver(driver).build();
        housekeeping = Executors.newSingleThreadScheduledExecutor();

        jetty = new Server();
        ServerConnector http = new ServerConnector(jetty);
        http.setHost(host);
        http.setPort(port);
        jetty.addConnector(http);
        ServletContextHandler context = new ServletContextHandler();
        // The servlet ends idle sessions and expired tasks every second on the scheduler it is given.
        context.addServlet(new ServletHolder(new CwmpServlet(acs).withHousekeeping(housekeeping, Duration.ofSeconds(1))),
                "/acs");
        jetty.setHandler(context);
        jetty.start();
    }

    /** Starts Jetty on {@code host:port} (port 0: any free port) with this CPE authentication. */
    public static JettyAcs start(String host, int port, CpeAuthenticator authenticator) throws Exception {
        return new JettyAcs(host, port, authenticator);
    }

    /** The URL CPEs inform. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/acs");
    }

    /** The ACS served. */
    public Acs acs() {
        return acs;
    }

    /** Stops the container first, then the ACS (the servlet never closes it). */
    @Override
    public void close() throws Exception {
        jetty.stop();
        housekeeping.shutdownNow();
        acs.close();
        driver.close();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7547;
        CpeCredentials credentials = CpeCredentials.single(CpeCredential.of("cpe", Secret.of("change-me")));
        JettyAcs server = start("127.0.0.1", port, CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));
        server.jetty.join();
    }
}
