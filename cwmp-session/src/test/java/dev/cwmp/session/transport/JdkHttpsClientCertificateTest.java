package dev.cwmp.session.transport;

import dev.cwmp.session.Acs;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Client certificates over the JDK adapter's HTTPS. */
class JdkHttpsClientCertificateTest extends ClientCertificateContract {

    @Override
    protected AdapterContract.RunningAdapter startTls(Acs acs, SSLContext tls) {
        JdkHttpTransport https = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0), Optional.of(tls), 4);
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
