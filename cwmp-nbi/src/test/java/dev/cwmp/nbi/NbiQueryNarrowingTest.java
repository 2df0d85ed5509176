package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.store.jdbc.JdbcStore;
import dev.cwmp.testkit.store.ForwardingDeviceStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /devices/?query=...} answers the same whether the store narrows the devices read
 * ({@link DeviceStore#candidates}) or every device is read, for generated devices, tags, dates and
 * queries, on the in-memory and the embedded H2 store; and a tag query reads only the tagged devices.
 */
class NbiQueryNarrowingTest {

    private static final String TOKEN = "narrowing-token";
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final List<String> OUIS = List.of("E48D8C", "001122", "A0B1C2");
    private static final List<String> PRODUCT_CLASSES = List.of("RB951Ui-2HnD", "HG8245", "");
    private static final List<String> MANUFACTURERS = List.of("MikroTik", "Huawei", "ZTE");
    // "1" and a date-like tag: MongoQuery compares them loosely with numbers and other date spellings.
    private static final List<String> TAGS = List.of("A", "B", "C", "1", "2026-01-01T00:00:00Z");

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A store that counts reads, and answers {@link #candidates} with every device when not narrowing. */
    static final class CountingStore extends ForwardingDeviceStore {
        final boolean narrowing;
        final AtomicInteger records = new AtomicInteger();
        final AtomicInteger trees = new AtomicInteger();

        CountingStore(DeviceStore inner, boolean narrowing) {
            super(inner);
            this.narrowing = narrowing;
        }

        @Override
        public Optional<DeviceRecord> record(DeviceId id) {
            records.incrementAndGet();
            return super.record(id);
        }

        @Override
        public Optional<ParameterTree> parameters(DeviceId id) {
            trees.incrementAndGet();
            return super.parameters(id);
        }

        @Override
        public List<DeviceId> candidates(DeviceFilter filter) {
            return narrowing ? super.candidates(filter) : ids();
        }
    }

    private NbiServer nbi(DeviceStore store) {
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).deviceStore(store).build();
        open.add(acs);
        NbiServer server = NbiServer.builder().acs(acs).authentication(NbiAuthentication.bearerToken(Secret.of(TOKEN)))
                .bind(new InetSocketAddress("127.0.0.1", 0)).start();
        open.add(server::close);
        return server;
    }

    private HttpResponse<String> get(NbiServer server, String query, String extra) {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/devices/?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + extra);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Devices with random identity, manufacturer, tags, last inform (with milliseconds) and software version. */
    private static List<DeviceRecord> generate(DeviceStore store, Random random, int count) {
        List<DeviceRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeviceId id = new DeviceId(pick(random, OUIS), pick(random, PRODUCT_CLASSES), "SN-" + i);
            Instant lastInform = T0.plusMillis(random.nextInt(86_400) * 1000L + random.nextInt(3) * 500L);
            DeviceRecord record = DeviceRecord.registered(id, pick(random, MANUFACTURERS), T0)
                    .withInform(pick(random, MANUFACTURERS), lastInform, List.of(), 8);
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    record = record.withTag(tag);
                }
            }
            ParameterTree tree = new ParameterTree();
            tree.mergeValues(List.of(new ParameterTree.ValueInfo(ParameterPath.parse("Device.DeviceInfo.SoftwareVersion"),
                    "6." + random.nextInt(3), "xsd:string")), lastInform);
            DeviceRecord stored = record;
            store.saveSession(id, r -> stored, stored, tree);
            out.add(stored);
        }
        return out;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String text(String s) {
        return "\"" + s + "\"";
    }

    /** One condition from the pool: on indexed fields (in loose and exact forms) and on others. */
    private static String condition(Random random, List<DeviceRecord> devices) {
        DeviceRecord d = pick(random, devices);
        String date = "\"" + DATE.format(d.lastInform()) + "\"";
        return switch (random.nextInt(22)) {
            case 0 -> "\"_tags\": " + text(pick(random, TAGS));
            case 1 -> "\"_tags\": {\"$ne\": " + text(pick(random, TAGS)) + "}";
            case 2 -> "\"_tags\": 1";
            case 3 -> "\"_tags\": \"2026-01-01T00:00:00.000Z\"";
            case 4 -> "\"_lastInform\": {\"$lt\": " + date + "}";
            case 5 -> "\"_lastInform\": {\"$gte\": " + d.lastInform().toEpochMilli() + "}";
            case 6 -> "\"_lastInform\": {\"$gt\": " + date + ", \"$lte\": \"2026-11-26T00:00:00Z\"}";
            case 7 -> "\"_lastInform\": " + date;
            case 8 -> "\"DeviceID.ProductClass\": " + text(pick(random, PRODUCT_CLASSES));
            case 9 -> "\"_deviceId._ProductClass\": " + text(pick(random, PRODUCT_CLASSES));
            case 10 -> "\"DeviceID.OUI\": {\"$in\": [" + text(pick(random, OUIS)) + ", " + text(pick(random, OUIS)) + "]}";
            case 11 -> "\"_deviceId._OUI\": " + text(d.id().oui());
            case 12 -> "\"DeviceID.SerialNumber\": " + text(d.id().serialNumber());
            case 13 -> "\"_id\": " + text(d.id().toString());
            case 14 -> "\"_id\": {\"$in\": [" + text(d.id().toString()) + ", \"not-an-id-at-all\", "
                    + text(pick(random, devices).id().toString()) + "]}";
            case 15 -> "\"DeviceID.ID\": " + text(d.id().toString());
            case 16 -> "\"DeviceID.Manufacturer\": " + text(pick(random, MANUFACTURERS));
            case 17 -> "\"_deviceId._Manufacturer\": {\"$eq\": " + text(pick(random, MANUFACTURERS)) + "}";
            case 18 -> "\"Device.DeviceInfo.SoftwareVersion\": \"6." + random.nextInt(3) + "\"";
            case 19 -> "\"_tags\": {\"$exists\": " + random.nextBoolean() + "}";
            case 20 -> "\"$or\": [{" + condition(random, devices) + "}, {" + condition(random, devices) + "}]";
            default -> "\"$and\": [{" + condition(random, devices) + "}, {" + condition(random, devices) + "}]";
        };
    }

    private static String query(Random random, List<DeviceRecord> devices) {
        List<String> parts = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            parts.add(condition(random, devices));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private void answersAreIdentical(DeviceStore store) {
        Random random = new Random(20261125);
        List<DeviceRecord> devices = generate(store, random, 150);
        CountingStore narrowing = new CountingStore(store, true);
        CountingStore fullScan = new CountingStore(store, false);
        NbiServer narrowed = nbi(narrowing);
        NbiServer full = nbi(fullScan);
        List<String> extras = List.of("", "&projection=_id,_tags", "&sort=%7B%22_lastInform%22%3A-1%7D&limit=7",
                "&skip=3&limit=5");
        int nonEmpty = 0;
        for (int i = 0; i < 150; i++) {
            String query = query(random, devices);
            String extra = extras.get(i % extras.size());
            HttpResponse<String> a = get(narrowed, query, extra);
            HttpResponse<String> b = get(full, query, extra);
            // A generated query may repeat a key: both answer 400 then.
            assertThat(a.statusCode()).as(query).isEqualTo(b.statusCode()).isIn(200, 400);
            assertThat(a.headers().firstValue("total")).as(query).isEqualTo(b.headers().firstValue("total"));
            assertThat(a.body()).as(query + extra).isEqualTo(b.body());
            if (!a.headers().firstValue("total").orElse("0").equals("0")) {
                nonEmpty++;
            }
        }
        // The generated queries are not all empty answers, and narrowing read fewer devices.
        assertThat(nonEmpty).isGreaterThan(30);
        assertThat(narrowing.records.get()).isLessThan(fullScan.records.get() / 2);
    }

    @Test
    void generated_queries_answer_the_same_with_and_without_narrowing_in_memory() {
        answersAreIdentical(DeviceStore.inMemory());
    }

    @Test
    void generated_queries_answer_the_same_with_and_without_narrowing_on_the_embedded_store() {
        JdbcStore jdbc = JdbcStore.h2(dir);
        open.add(jdbc);
        answersAreIdentical(jdbc.deviceStore());
    }

    @Test
    void a_tag_query_reads_only_the_tagged_devices_of_the_embedded_store() {
        JdbcStore jdbc = JdbcStore.h2(dir);
        open.add(jdbc);
        List<DeviceRecord> devices = generate(jdbc.deviceStore(), new Random(7), 200);
        long tagged = devices.stream().filter(d -> d.hasTag("B")).count();
        CountingStore counting = new CountingStore(jdbc.deviceStore(), true);
        NbiServer server = nbi(counting);

        HttpResponse<String> response = get(server, "{\"_tags\": \"B\"}", "");

        assertThat(response.headers().firstValue("total")).hasValue(Long.toString(tagged));
        assertThat(tagged).isBetween(1L, 199L);
        assertThat(counting.records.get()).isEqualTo((int) tagged);
        assertThat(counting.trees.get()).isEqualTo((int) tagged);
    }
}
