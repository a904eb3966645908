package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.ServerDatabase;
import org.junit.jupiter.api.Test;

/** The server around the API: health, OpenAPI, metrics, the Ocean root, response headers. */
class PlatformIT {

  private final CoveClient cove = new CoveClient();

  @Test
  void ready_when_the_database_is_migrated_and_reachable() {
    Response ready = cove.get("/health/ready");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.body()).contains("\"database\"");
  }

  /**
   * The pool lends connections without checking them first; when the database drops them all (a
   * restart, a failover), the first request to find one dead empties the pool, and the next is
   * served on a fresh connection instead of finding the next dead one.
   */
  @Test
  void after_the_database_drops_every_connection_the_second_request_is_served_again()
      throws Exception {
    cove.get("/health/ready"); // the pool holds at least one connection now
    try (Connection superuser = ServerDatabase.superuser();
        Statement statement = superuser.createStatement();
        ResultSet dropped =
            statement.executeQuery(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
      dropped.next();
      assertThat(dropped.getInt(1)).isPositive();
    }

    Response first = cove.get("/health/ready");
    Response second = cove.get("/health/ready");

    assertThat(first.status()).isIn(200, 503);
    assertThat(second.status()).isEqualTo(200);
    assertThat(cove.get("/api/services/nonce?userAddress=" + "0x" + "1".repeat(40)).status())
        .isEqualTo(200);
  }

  @Test
  void live() {
    assertThat(cove.get("/health/live").status()).isEqualTo(200);
  }

  @Test
  void openapi_document_describes_the_api() {
    Response openapi = cove.get("/openapi");

    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/auth/siwe", "/api/services/nonce", "/api/v1/ledger");
    assertThat(cove.get("/openapi/ui/").status()).isEqualTo(200);
  }

  /** To admins and the configured scraper only (OperationalEndpointsIT: who may not). */
  @Test
  void metrics_are_served_in_prometheus_format() {
    Response metrics = cove.get("/metrics", System.getProperty("cove.it.metrics.token"));

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
  }

  @Test
  void ocean_root_lists_service_endpoints_relative_to_api_services() {
    JsonObject root = cove.get("/api/services").json();

    JsonObject endpoints = root.getJsonObject("serviceEndpoints");
    assertThat(endpoints.getJsonArray("nonce").getString(0)).isEqualTo("GET");
    assertThat(endpoints.getJsonArray("nonce").getString(1)).isEqualTo("nonce");
    assertThat(endpoints.getJsonArray("generateAuthToken").getString(1)).isEqualTo("auth/token");
    assertThat(endpoints.getJsonArray("invalidateAuthToken").getString(1))
        .isEqualTo("auth/token/invalidate");
    assertThat(root.getString("providerAddress")).matches("0x[0-9a-f]{40}");
    // every advertised endpoint exists at the advertised method and path
    for (String name : endpoints.keySet()) {
      String path = endpoints.getJsonArray(name).getString(1);
      String method = endpoints.getJsonArray(name).getString(0);
      Response response =
          cove.send(
              cove.request("/api/services/" + path)
                  .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                  .header("Content-Type", "application/json"));
      assertThat(response.status()).as(name).isNotIn(404, 405);
    }
  }

  @Test
  void responses_carry_security_headers_and_no_server_banner() {
    for (String path : new String[] {"/", "/api/services", "/api/v1/me"}) {
      Response response = cove.get(path);

      assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(response.header("Content-Security-Policy"))
          .as(path)
          .contains("frame-ancestors 'none'");
      assertThat(response.header("Server")).as(path).isNull();
      assertThat(response.header("X-Powered-By")).as(path).isNull();
    }
  }

  @Test
  void portal_is_served_at_the_root() {
    Response portal = cove.get("/");

    assertThat(portal.status()).isEqualTo(200);
    assertThat(portal.contentType()).startsWith("text/html");
  }

  /**
   * A client that offers an h2c upgrade (the JDK's default) and sends many requests at once gets
   * HTTP/1.1 answers to all of them: Liberty's HTTP/2 channel once wedged under exactly this load.
   */
  @Test
  void concurrent_clients_offering_http2_are_all_answered_over_http_1_1() throws Exception {
    HttpClient http2 = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(cove.baseUrl() + "/api/services/computeEnvironments"))
            .timeout(Duration.ofSeconds(20))
            .build();
    ExecutorService clients = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<Void>>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(
            clients.submit(() -> http2.send(request, HttpResponse.BodyHandlers.discarding())));
      }
      for (Future<HttpResponse<Void>> answer : answers) {
        HttpResponse<Void> response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
