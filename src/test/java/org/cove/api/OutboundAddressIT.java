package org.cove.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.Ddos;
import org.cove.testing.TestFileServer;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;

/**
 * No file URL reaches a private or local address: Cove's own endpoints, other loopback ports, the
 * cloud metadata address, in any spelling, are refused when published, naming the field; a redirect
 * from an allowed server to a private address is not followed.
 */
class OutboundAddressIT {

  private final CoveClient cove = new CoveClient();

  @Test
  void a_dataset_url_to_a_private_or_local_address_is_refused_at_publish() {
    String token = cove.signIn(TestWallet.random());
    // the allowed port is 127.0.0.1's in every spelling: the loopback forms name another port
    int other = TestFileServer.port() + 1;
    List<String> urls =
        List.of(
            cove.baseUrl() + "/metrics",
            "http://127.0.0.1:" + other + "/",
            "http://localhost:" + other + "/",
            "http://2130706433:" + other + "/",
            "http://0x7f.1:" + other + "/",
            "http://017700000001:" + other + "/",
            "http://0177.0.0.1:" + other + "/",
            "http://127.1:" + other + "/",
            "http://[::1]:" + TestFileServer.port() + "/",
            "http://[::ffff:127.0.0.1]:" + other + "/",
            "http://0.0.0.0:" + URI.create(cove.baseUrl()).getPort() + "/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://10.0.0.1/share/data.csv",
            "http://192.168.1.1/",
            "http://[fc00::1]/",
            "http://[fd00::1]/",
            "http://224.0.0.1/",
            "http://[ff02::1]/");

    for (String url : urls) {
      Response published =
          cove.json("POST", "/api/v1/assets", token, Ddos.dataset("Private", service(url)));
      assertProblem(published, 400, "invalid-ddo");
      JsonObject error = published.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).as(url).isEqualTo("services[0].files[0].url");
      assertThat(error.getString("message"))
          .as(url)
          .isEqualTo("points to a private or local address");
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
      String url = files.serve("/open/data.csv", "a\n1\n".getBytes(UTF_8));

      Response published =
          cove.json("POST", "/api/v1/assets", token, Ddos.dataset("Allowed", service(url)));

      assertThat(published.status()).as(published.body()).isEqualTo(201);
    }
  }

  @Test
  void a_redirect_to_a_private_address_is_not_followed() throws IOException {
    String token = cove.signIn(TestWallet.random());
    HttpServer hidden = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger reached = new AtomicInteger();
    hidden.createContext(
        "/",
        exchange -> {
          reached.incrementAndGet();
          byte[] secret = "print('internal')\n".getBytes(UTF_8);
          exchange.sendResponseHeaders(200, secret.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(secret);
          }
        });
    hidden.start();
    try (TestFileServer files = TestFileServer.start()) {
      String location = "http://127.0.0.1:" + hidden.getAddress().getPort() + "/a.py";
      String url = files.redirect("/moved/a.py", location);

      Response algorithm =
          cove.json("POST", "/api/v1/assets", token, Ddos.algorithm("Moved", service(url)));
      assertProblem(algorithm, 400, "invalid-ddo");
      JsonObject error = algorithm.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).isEqualTo("services[0].files[0].url");
      assertThat(error.getString("message")).contains("redirect", "does not follow");
      assertThat(algorithm.body()).doesNotContain(location, url);

      String dataset = cove.publish(token, Ddos.dataset("Moved", service(url))).getString("id");
      Response download =
          cove.get(
              "/api/services/download?documentId=" + dataset + "&serviceId=access&fileIndex=0",
              cove.signIn(TestWallet.random()));
      assertProblem(download, 502, "file-unavailable");
      assertThat(download.body()).doesNotContain(location, url);
      assertThat(files.fetches("/moved/a.py")).isGreaterThanOrEqualTo(1);
    } finally {
      hidden.stop(0);
    }
    assertThat(reached).as("the private address behind the redirect").hasValue(0);
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
