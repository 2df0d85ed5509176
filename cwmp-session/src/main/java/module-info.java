/**
 * The CWMP session engine. So far: CPE authentication ({@link dev.cwmp.session.auth}) and
 * connection requests to CPEs ({@link dev.cwmp.session.connreq}).
 */
module dev.cwmp.session {
    requires java.net.http;
    requires java.naming;
    requires org.slf4j;

    exports dev.cwmp.session.auth;
    exports dev.cwmp.session.connreq;
}
