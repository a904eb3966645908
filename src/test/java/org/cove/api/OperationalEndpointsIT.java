package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /metrics, /openapi and /health as an outsider finds them: metrics for admins and the configured
 * scraper only, no origin may read them with a user's credentials, and Cove's security headers on
 * every answer, also those Liberty writes itself.
 */
class OperationalEndpointsIT {

  private static final String EVIL_ORIGIN = "https://evil.example";

  private final CoveClient cove = new CoveClient();

  @Test
  void metrics_are_refused_without_a_token() {
    Response refused = cove.get("/metrics");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getString("type")).endsWith("unauthenticated");
    assertThat(refused.body()).doesNotContain("# TYPE");
  }

  @Test
  void metrics_are_refused_with_a_wrong_token() {
    assertThat(cove.get("/metrics", "not-the-scrape-token").status()).isEqualTo(401);
  }

  @Test
  void metrics_are_forbidden_to_a_signed_in_user_who_is_no_admin() {
    Response refused = cove.get("/metrics", cove.signIn(TestWallet.random()));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).doesNotContain("# TYPE");
  }

  @Test
  void an_admin_may_read_the_metrics() {
    String admin = cove.signIn(TestWallet.of(System.getProperty("cove.it.admin.key")));

    assertPrometheusText(cove.get("/metrics", admin));
  }

  @Test
  void the_configured_scraper_may_read_the_metrics() {
    assertPrometheusText(cove.get("/metrics", System.getProperty("cove.it.metrics.token")));
  }

  /** mpMetrics answered Access-Control-Allow-Origin: * with Allow-Credentials: true. */
  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/openapi", "/openapi/ui/", "/health/ready", "/health/live"})
  void no_other_origin_may_read_with_credentials(String path) {
    String scrape = "Bearer " + System.getProperty("cove.it.metrics.token");
    List<Response> answers =
        List.of(
            cove.send(
                cove.request(path).header("Origin", EVIL_ORIGIN).header("Authorization", scrape)),
            cove.send(
                cove.request(path)
                    .header("Origin", EVIL_ORIGIN)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())));

    for (Response answer : answers) {
      String allowedOrigin = answer.header("Access-Control-Allow-Origin");
      assertThat(allowedOrigin).as(path).isNotEqualTo(EVIL_ORIGIN);
      if ("true".equalsIgnoreCase(answer.header("Access-Control-Allow-Credentials"))) {
        assertThat(allowedOrigin).as(path).isNotEqualTo("*");
      }
    }
  }

  /**
   * The WAR's own answers, Liberty's /openapi and /health, and pages the container writes before
   * the WAR sees the request.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/metrics",
        "/openapi",
        "/openapi/ui/",
        "/health",
        "/health/ready",
        "/health/live",
        "/WEB-INF/web.xml",
        "/api/%2e%2e/WEB-INF/web.xml"
      })
  void every_answer_carries_the_security_headers(String path) {
    Response response = cove.get(path);

    assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
    assertThat(response.header("Content-Security-Policy"))
        .as(path)
        .contains("frame-ancestors 'none'", "object-src 'none'")
        .doesNotContain("ws:", "wss:");
    assertThat(response.header("Referrer-Policy")).as(path).isNotNull();
    assertThat(response.header("Permissions-Policy"))
        .as(path)
        .isEqualTo("camera=(), microphone=(), geolocation=()");
    // plain HTTP: HSTS means nothing here and is not sent
    assertThat(response.header("Strict-Transport-Security")).as(path).isNull();
  }

  private static void assertPrometheusText(Response metrics) {
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    assertThat(metrics.header("Cache-Control")).isEqualTo("no-store");
  }
}
