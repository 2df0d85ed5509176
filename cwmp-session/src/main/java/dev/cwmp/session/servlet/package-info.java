/**
 * The Jakarta Servlet 6 transport adapter: {@link dev.cwmp.session.servlet.CwmpServlet} serves an
 * {@link dev.cwmp.session.Acs} from a Servlet container. Needs {@code jakarta.servlet-api} 6 on the
 * class or module path (an optional dependency of this module).
 */
package dev.cwmp.session.servlet;
