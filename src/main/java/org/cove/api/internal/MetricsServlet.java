package org.cove.api.internal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cove.shared.CoveException;

/**
 * {@code /metrics} in Prometheus's text format, for admins and the configured scraper only. The WAR
 * serves it rather than Liberty's mpMetrics: Liberty's endpoint is either open to anyone (and
 * answers {@code Access-Control-Allow-Origin: *} with credentials) or guarded by Liberty's own user
 * registry over HTTPS only, which knows neither Cove's admins nor a pod that serves plain HTTP
 * behind its ingress.
 */
@WebServlet(urlPatterns = "/metrics", asyncSupported = true)
public class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  // The container builds servlets through their no-argument constructor: a field, then.
  @Inject private transient ScrapeAccess access;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    try {
      access.require(request.getHeader("Authorization"));
    } catch (CoveException refused) {
      refuse(response, refused);
      return;
    }
    byte[] body = JvmMetrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(PROMETHEUS_TEXT);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void refuse(HttpServletResponse response, CoveException refused)
      throws IOException {
    int status = refused.type().status();
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"cove\"");
    }
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(Problems.body(refused.type(), refused.detail()));
  }
}
