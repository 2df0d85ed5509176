package dev.cwmp.session.transport;

import dev.cwmp.session.Acs;
import dev.cwmp.session.servlet.CwmpServlet;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Client certificates over {@link CwmpServlet} in Jetty 12 with TLS (client certificates wanted). */
class CwmpServletClientCertificateTest extends ClientCertificateContract {

    @Override
    protected AdapterContract.RunningAdapter startTls(Acs acs, SSLContext tls) {
        return EmbeddedJetty.start(new CwmpServlet(acs), Optional.of(tls));
    }
}
