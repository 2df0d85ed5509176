package dev.cwmp.examples;

import dev.cwmp.server.AcsServer;
import dev.cwmp.server.ServerConfig;
import dev.cwmp.session.auth.Secret;
import java.nio.file.Path;

/**
 * The whole standalone server (CWMP, the GenieACS-compatible NBI, the file server, the embedded
 * store, the zero-touch presets) started from your own {@code main()}, configured in code rather
 * than by flags.
 */
public final class EmbeddedServer {

    private EmbeddedServer() {
    }

    /** The configuration: CPEs with one shared credential, the NBI behind a token, data in {@code dataDir}. */
    public static ServerConfig config(Path dataDir, String nbiToken, int cwmpPort, int nbiPort, int fsPort) {
        return ServerConfig.builder(new ServerConfig.CpeAuth.Shared("cpe", Secret.of("change-me")))
                .nbiToken(Secret.of(nbiToken))
                .cwmpPort(cwmpPort).nbiPort(nbiPort).fsPort(fsPort)
                .dataDir(dataDir)
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        String token = System.getenv().getOrDefault("ACS_NBI_TOKEN", "");
        if (token.isEmpty()) {
            System.err.println("set ACS_NBI_TOKEN");
            System.exit(2);
        }
        AcsServer server = AcsServer.start(config(Path.of("acs-data"), token, 7547, 7557, 7567));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
