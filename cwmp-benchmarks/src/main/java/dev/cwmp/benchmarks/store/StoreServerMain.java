package dev.cwmp.benchmarks.store;

import dev.cwmp.benchmarks.session.GetThenSetDriver;
import dev.cwmp.session.Acs;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.store.jdbc.JdbcStore;
import dev.cwmp.testkit.load.Scenario;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Our ACS as the store benchmark runs it, in its own JVM: {@link SocketTransport} on 127.0.0.1,
 * {@link CpeAuthenticator#none()}, and the stores under test. Arguments:
 * {@code bare|get-then-set memory|h2 <dir>|postgres} (PostgreSQL from {@code CWMP_PG_URL},
 * {@code CWMP_PG_USER}, {@code CWMP_PG_PASSWORD}). Prints {@code LISTENING <port>}.
 */
public final class StoreServerMain {

    private StoreServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario scenario = Scenario.ofCliName(args[0]);
        SessionDriver driver = scenario == Scenario.GET_THEN_SET ? new GetThenSetDriver() : SessionDriver.NONE;
        Acs.Builder builder = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver);
        JdbcStore store = switch (args[1]) {
            case "memory" -> null;
            case "h2" -> JdbcStore.h2(Path.of(args[2]));
            case "postgres" -> JdbcStore.connect(System.getenv("CWMP_PG_URL"), env("CWMP_PG_USER", "cwmp"),
                    env("CWMP_PG_PASSWORD", ""), 16);
            default -> throw new IllegalArgumentException("store: memory, h2 <dir> or postgres");
        };
        if (store != null) {
            builder.deviceStore(store.deviceStore()).taskQueue(store.taskQueue()).sessionLocks(store.sessionLocks());
        }
        try (SocketTransport http = SocketTransport.start(builder.build(), new InetSocketAddress("127.0.0.1", 0))) {
            System.out.println("LISTENING " + http.port() + " " + args[1] + " " + scenario.cliName());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
