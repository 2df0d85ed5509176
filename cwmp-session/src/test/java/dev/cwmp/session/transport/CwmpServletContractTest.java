package dev.cwmp.session.transport;

import dev.cwmp.session.Acs;
import dev.cwmp.session.servlet.CwmpServlet;
import java.util.Optional;

/** The adapter contract over {@link CwmpServlet} in an embedded Jetty 12. */
class CwmpServletContractTest extends AdapterContract {

    @Override
    protected RunningAdapter start(Acs acs) {
        return EmbeddedJetty.start(new CwmpServlet(acs), Optional.empty());
    }
}
