package dev.cwmp.session.transport;

import dev.cwmp.session.Acs;
import dev.cwmp.session.http.SocketTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Client certificates over the plain-socket transport's HTTPS. */
class SocketTransportClientCertificateTest extends ClientCertificateContract {

    @Override
    protected AdapterContract.RunningAdapter startTls(Acs acs, SSLContext tls) {
        SocketTransport https = SocketTransport.start(acs, new InetSocketAddress("127.0.0.1", 0), Optional.of(tls), 16);
        URI url = URI.create("https://127.0.0.1:" + https.port() + "/");
        return new AdapterContract.RunningAdapter() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public void close() {
                https.close();
            }
        };
    }
}
