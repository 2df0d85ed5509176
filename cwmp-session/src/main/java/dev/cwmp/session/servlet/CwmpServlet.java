package dev.cwmp.session.servlet;

import dev.cwmp.session.Acs;
import dev.cwmp.session.internal.http.TransportSupport;
import dev.cwmp.session.http.AcsHttpRequest;
import dev.cwmp.session.http.AcsHttpResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link Acs} from any Jakarta Servlet 6 container (Tomcat 10.1+, Jetty 12 ee10,
 * Undertow, Spring Boot 3). Every request, whatever its method, goes to {@link Acs#handle}; the
 * response's status, headers and body are written back as they are (the container writes the reason
 * phrase). {@code jakarta.servlet-api} is an optional dependency of this module: add it (normally
 * {@code provided}) only if you use this class.
 *
 * <p>Register one instance, built with the application's {@link Acs}, under the path the CPEs are
 * configured with ({@code Device.ManagementServer.URL}):
 *
 * <pre>{@code
 * // Jetty 12 (ee10)
 * ServletContextHandler context = new ServletContextHandler();
 * context.addServlet(new ServletHolder(new CwmpServlet(acs)), "/acs");
 * server.setHandler(context);
 *
 * // Tomcat 10.1 embedded
 * Context context = tomcat.addContext("", null);
 * Tomcat.addServlet(context, "cwmp", new CwmpServlet(acs));
 * context.addServletMappingDecoded("/acs", "cwmp");
 *
 * // Spring Boot 3: a bean method of a configuration class
 * ServletRegistrationBean<CwmpServlet> cwmp(Acs acs) {
 *     return new ServletRegistrationBean<>(new CwmpServlet(acs), "/acs");
 * }
 *
 * // any container, from a ServletContainerInitializer or ServletContextListener
 * servletContext.addServlet("cwmp", new CwmpServlet(acs)).addMapping("/acs");
 * }</pre>
 *
 * <p><b>Housekeeping.</b> Sessions whose CPE went silent, and expired tasks, end only when
 * {@link Acs#expire()} runs. This servlet owns no thread: either the application calls
 * {@code acs.expire()} periodically (every second or so), or it hands the servlet a scheduler with
 * {@link #withHousekeeping}, and the servlet then runs {@code expire()} from {@link #init()} to
 * {@link #destroy()}. The servlet never closes the {@link Acs}: the application does, after the
 * container has stopped.
 *
 * <p><b>Reason phrases: mind the container.</b> Some CPEs reject a status line without a reason
 * phrase ({@code HTTP/1.1 200 } with nothing after), and Servlet 6 gives an application no say in
 * it. Jetty 12 writes one ({@code HTTP/1.1 200 OK}; this module's tests check it on every status);
 * Tomcat 9 and later, Spring Boot's default container, never do. For such CPEs serve the ACS from
 * Jetty (in Spring Boot: {@code spring-boot-starter-jetty} instead of {@code spring-boot-starter-tomcat}),
 * from {@link dev.cwmp.session.http.JdkHttpTransport}, or behind a reverse proxy that writes reason phrases.
 *
 * <p><b>TLS client certificates.</b> The chain comes from the standard request attribute
 * {@code jakarta.servlet.request.X509Certificate}; the container must ask for it (Tomcat
 * {@code certificateVerification="optional"}, Jetty {@code SslContextFactory.Server.setWantClientAuth(true)}
 * with a {@code SecureRequestCustomizer}, Spring Boot {@code server.ssl.client-auth=want}).
 *
 * <p><b>Keep-alive.</b> A CWMP session is a series of POSTs that should share one connection; the
 * container's keep-alive (idle) timeout must exceed the time a CPE takes to answer, and the
 * response's {@code Connection: close} (at the end of a session, on errors) is honoured by the
 * container. Request bodies are streamed to the engine, which stops reading past the codec's
 * {@code maxBytes} and answers 413.
 */
@SuppressWarnings("exports") // HttpServlet comes from the application's container, not through this module
public final class CwmpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CwmpServlet.class);
    private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final transient Acs acs;
    private final transient Optional<ScheduledExecutorService> housekeeping;
    private final Duration housekeepingPeriod;
    private transient volatile ScheduledFuture<?> sweep;

    /** A servlet serving {@code acs}; the application runs {@link Acs#expire()} itself. */
    public CwmpServlet(Acs acs) {
        this(acs, Optional.empty(), Duration.ofSeconds(1));
    }

    private CwmpServlet(Acs acs, Optional<ScheduledExecutorService> housekeeping, Duration period) {
        this.acs = Objects.requireNonNull(acs, "acs");
        this.housekeeping = housekeeping;
        this.housekeepingPeriod = period;
    }

    /**
     * A servlet like this one that, from {@link #init()} until {@link #destroy()}, runs
     * {@link Acs#expire()} on {@code scheduler} every {@code period}. The scheduler stays the
     * application's: {@code destroy()} cancels the servlet's task, it does not shut the scheduler down.
     *
     * @param scheduler the application's scheduler
     * @param period    the delay between two runs (1 s is a good choice)
     * @return a new servlet for the same {@link Acs}
     * @throws IllegalArgumentException if the period is not positive
     */
    public CwmpServlet withHousekeeping(ScheduledExecutorService scheduler, Duration period) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the housekeeping period must be positive");
        }
        return new CwmpServlet(acs, Optional.of(scheduler), period);
    }

    @Override
    public void init() throws ServletException {
        if (housekeeping.isPresent() && sweep == null) {
            long millis = Math.max(1, housekeepingPeriod.toMillis());
            sweep = housekeeping.get().scheduleWithFixedDelay(() -> TransportSupport.expire(acs), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        ScheduledFuture<?> s = sweep;
        if (s != null) {
            s.cancel(false);
            sweep = null;
        }
    }

    /** Hands every request, whatever its method, to the ACS (which answers 405 to all but POST). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AcsHttpResponse answer;
        try {
            answer = acs.handle(toAcsRequest(request));
        } catch (RuntimeException e) {
            LOG.error("the ACS failed on a request from {}", request.getRemoteAddr(), e);
            answer = AcsHttpResponse.status(500).header("Connection", "close").build();
        }
        write(answer, response);
    }

    private static AcsHttpRequest toAcsRequest(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        String target = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        AcsHttpRequest.Builder b = AcsHttpRequest.builder(request.getMethod(), target)
                .remoteAddress(remoteAddress(request))
                .secure(request.isSecure())
                .body(request.getInputStream());
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                b.header(name, values.nextElement());
            }
        }
        if (request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            b.clientCertificates(List.of(chain));
        }
        return b.build();
    }

    /** The peer's address, without a name lookup (containers report a literal unless told to resolve). */
    private static InetSocketAddress remoteAddress(HttpServletRequest request) {
        String host = request.getRemoteAddr();
        int port = Math.max(0, request.getRemotePort());
        if (host == null || host.isEmpty()) {
            return InetSocketAddress.createUnresolved("unknown", port);
        }
        if (host.indexOf(':') >= 0 || IPV4.matcher(host).matches()) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port); // a literal: no lookup
            } catch (UnknownHostException e) {
                LOG.debug("unparsable remote address {}", host);
            }
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static void write(AcsHttpResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        int length = answer.bodyLength();
        if (answer.status() == HttpServletResponse.SC_NO_CONTENT || answer.status() == HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        response.setContentLength(length);
        if (length > 0) {
            ServletOutputStream out = response.getOutputStream();
            answer.writeBodyTo(out);
            out.flush();
        }
    }
}
