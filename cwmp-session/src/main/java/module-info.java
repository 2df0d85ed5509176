/**
 * The CWMP session engine: {@link dev.cwmp.session.Acs} runs sessions with CPEs over any transport
 * ({@link dev.cwmp.session.http}; a Servlet container with {@link dev.cwmp.session.servlet}), with
 * pluggable device store, task queue, session driver and listener; CPE authentication
 * ({@link dev.cwmp.session.auth}); connection requests to CPEs ({@link dev.cwmp.session.connreq}).
 */
module dev.cwmp.session {
    requires transitive dev.cwmp.protocol;
    requires transitive dev.cwmp.datamodel;
    requires java.net.http;
    requires java.naming;
    requires jdk.httpserver;
    requires org.slf4j;
    // Only dev.cwmp.session.servlet needs it. Not transitive: modules reading this one must compile
    // without a Servlet API; an application serving CwmpServlet has one anyway.
    requires static jakarta.servlet;

    exports dev.cwmp.session;
    exports dev.cwmp.session.auth;
    exports dev.cwmp.session.connreq;
    exports dev.cwmp.session.http;
    exports dev.cwmp.session.servlet;
}
