package org.cove.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every response carries: no sniffing, no framing, a content security policy that allows
 * only this origin, and no referrer beyond the origin. server.xml's {@code coveSecurityHeaders}
 * repeats them for what the WAR never answers (Liberty's /openapi and /health, the container's own
 * error pages); SecurityHeadersConfigTest keeps the two the same.
 *
 * <p>The policy is as tight as the Vaadin portal allows: scripts only from this origin, but {@code
 * 'unsafe-inline'} (Flow's bootstrap page writes its initial state in an inline script) and {@code
 * 'unsafe-eval'} (Flow runs {@code executeJs} and its client-side bindings through {@code new
 * Function}); inline styles (Lumo and the components set style attributes); images and fonts also
 * as {@code data:} URLs (Lumo's icons and font faces); connections to this origin only, which in
 * CSP Level 3 includes its own WebSocket (Vaadin's push at /VAADIN/push), so no {@code ws:}/{@code
 * wss:} to any host. No frames, plugins, foreign forms or base URLs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
          + " base-uri 'self'; object-src 'none'";

  /** Name and value of each header, in the order they are set. */
  static final Map<String, String> HEADERS =
      orderedMap(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    addTo(response);
    chain.doFilter(request, response);
  }

  /** Also for the problems written outside JAX-RS ({@link Problems#write}). */
  static void addTo(HttpServletResponse response) {
    HEADERS.forEach(response::setHeader);
  }

  private static Map<String, String> orderedMap(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
