package dev.cwmp.session.transport;

import dev.cwmp.session.Acs;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;

/** The adapter contract over the JDK's built-in HTTP server. */
class JdkHttpTransportContractTest extends AdapterContract {

    @Override
    protected RunningAdapter start(Acs acs) {
        JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        URI url = URI.create("http://127.0.0.1:" + http.port() + "/");
        return new RunningAdapter() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }
}
