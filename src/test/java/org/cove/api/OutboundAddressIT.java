package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.Ddos;
import org.cove.testing.TestFileServer;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;

/**
 * No file URL reaches a private or local address: Cove's own endpoints, other loopback ports, the
 * cloud metadata address, in any spelling, are refused when published, naming the field.
 */
class OutboundAddressIT {

  private final CoveClient cove = new CoveClient();

  @Test
  void a_dataset_url_to_a_private_or_local_address_is_refused_at_publish() {
    String token = cove.signIn(TestWallet.random());
    int otherPort = TestFileServer.port() + 1;
    List<String> urls =
        List.of(
            cove.baseUrl() + "/metrics",
            "http://127.0.0.1:" + otherPort + "/",
            "http://localhost:" + TestFileServer.port() + "/",
            "http://2130706433:" + TestFileServer.port() + "/",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]:" + TestFileServer.port() + "/",
            "http://0.0.0.0:9080/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/share/data.csv",
            "http://192.168.1.1/",
            "http://[fd00::1]/");

    for (String url : urls) {
      Response published =
          cove.json("POST", "/api/v1/assets", token, Ddos.dataset("Private", service(url)));
      assertProblem(published, 400, "invalid-ddo");
      JsonObject error = published.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).as(url).isEqualTo("services[0].files[0].url");
      assertThat(error.getString("message")).isEqualTo("points to a private or local address");
      assertThat(published.body()).doesNotContain(url);
    }
  }

  @Test
  void an_algorithm_url_to_a_private_address_is_refused_before_it_is_fetched() {
    String token = cove.signIn(TestWallet.random());

    Response published =
        cove.json(
            "POST",
            "/api/v1/assets",
            token,
            Ddos.algorithm(
                "Local", service("http://127.0.0.1:" + (TestFileServer.port() + 1) + "/a.py")));

    assertProblem(published, 400, "invalid-ddo");
    assertThat(published.json().getJsonArray("errors").getJsonObject(0).getString("message"))
        .isEqualTo("points to a private or local address");
  }

  @Test
  void the_allowed_port_is_fetched_from() {
    String token = cove.signIn(TestWallet.random());
    try (TestFileServer files = TestFileServer.start()) {
      String url =
          files.serve("/open/data.csv", "a\n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

      Response published =
          cove.json("POST", "/api/v1/assets", token, Ddos.dataset("Allowed", service(url)));

      assertThat(published.status()).as(published.body()).isEqualTo(201);
    }
  }

  private static JsonObject service(String url) {
    return Json.createObjectBuilder()
        .add("id", "access")
        .add("type", "access")
        .add(
            "files",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "url").add("url", url)))
        .build();
  }
}
