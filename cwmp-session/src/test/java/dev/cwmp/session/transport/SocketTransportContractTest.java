package dev.cwmp.session.transport;

import dev.cwmp.session.Acs;
import dev.cwmp.session.http.SocketTransport;
import java.net.InetSocketAddress;
import java.net.URI;

/** The adapter contract over the plain-socket HTTP/1.1 transport. */
class SocketTransportContractTest extends AdapterContract {

    @Override
    protected RunningAdapter start(Acs acs) {
        SocketTransport http = SocketTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
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
