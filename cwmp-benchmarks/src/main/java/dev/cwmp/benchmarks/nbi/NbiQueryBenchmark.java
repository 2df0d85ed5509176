package dev.cwmp.benchmarks.nbi;

import dev.cwmp.nbi.NbiAuthentication;
import dev.cwmp.nbi.NbiServer;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.store.jdbc.JdbcStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code GET /devices/?query=...} over HTTP on loopback against the NBI on the embedded H2 store of
 * {@link NbiQueryDevices} (created once by the suite, directory in {@link #data}): the query
 * {@code {"_tags": "X"}} (100 of 20,000 devices) or {@code {"DeviceID.ProductClass": "RB951Ui-2HnD"}}
 * (200), with the store's narrowing ({@code narrowed}) or with every device read as before
 * ({@code full}, a store whose candidates are all devices). One client thread; latency per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class NbiQueryBenchmark {

    private static final String TOKEN = "bench-token";

    @Param({"tags", "productClass"})
    public String query;

    @Param({"narrowed", "full"})
    public String mode;

    @Param({""})
    public String data;

    private JdbcStore store;
    private Acs acs;
    private NbiServer nbi;
    private HttpClient http;
    private HttpRequest request;
    private long expectedTotal;

    @Setup
    public void setUp() {
        store = JdbcStore.h2(Path.of(data));
        DeviceStore devices = mode.equals("full") ? NbiQueryDevices.fullScan(store.deviceStore()) : store.deviceStore();
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).deviceStore(devices).build();
        nbi = NbiServer.builder().acs(acs).authentication(NbiAuthentication.bearerToken(Secret.of(TOKEN)))
                .bind(new InetSocketAddress("127.0.0.1", 0)).start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String q = query.equals("tags") ? "{\"_tags\":\"X\"}"
                : "{\"DeviceID.ProductClass\":\"" + NbiQueryDevices.PRODUCT_CLASS + "\"}";
        expectedTotal = query.equals("tags") ? NbiQueryDevices.TAGGED : NbiQueryDevices.OF_PRODUCT_CLASS;
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nbi.port() + "/devices/?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
    }

    @TearDown
    public void tearDown() {
        nbi.close();
        acs.close();
        store.close();
    }

    @Benchmark
    public int get() throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String total = response.headers().firstValue("total").orElse("");
        if (response.statusCode() != 200 || !total.equals(Long.toString(expectedTotal))) {
            throw new IllegalStateException("unexpected answer: " + response.statusCode() + ", total " + total);
        }
        return response.body().length();
    }
}
