package dev.cwmp.session.transport;

import dev.cwmp.session.servlet.CwmpServlet;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A {@link CwmpServlet} in an embedded Jetty 12 (ee10) on a free port of 127.0.0.1, plain or TLS. */
final class EmbeddedJetty implements AdapterContract.RunningAdapter {

    private final Server server;
    private final URI url;

    private EmbeddedJetty(Server server, URI url) {
        this.server = server;
        this.url = url;
    }

    /** Starts Jetty with the servlet mapped to every path; with TLS, client certificates are wanted. */
    static EmbeddedJetty start(CwmpServlet servlet, Optional<SSLContext> tls) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("jetty-cwmp");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector;
        if (tls.isPresent()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls.get());
            ssl.setWantClientAuth(true);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            config.addCustomizer(secure);
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(config));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        String scheme = tls.isPresent() ? "https" : "http";
        return new EmbeddedJetty(server, URI.create(scheme + "://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
