package org.cove.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's demo catalogue on the test server, shared by every test class: tests that
 * change it (approving the demo algorithm) put it back, and tests that rely on its initial state
 * reset it first, so the order of test classes does not matter.
 */
public final class DemoData {

  public static final String DATASET = "Norwegian weather stations, November 2025 (demo)";
  public static final String ALGORITHM = "Summary statistics (demo)";

  private DemoData() {}

  public static String did(CoveClient cove, String name) {
    JsonObject found = cove.get("/api/v1/assets?tag=demo&size=10").json();
    return found.getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(a -> a.getJsonObject("metadata").getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo asset " + name))
        .getString("id");
  }

  /** The demo publisher, whose key the test server keeps in its data directory. */
  public static TestWallet publisher() {
    return demo("publisher");
  }

  public static TestWallet consumer() {
    return demo("consumer");
  }

  /** Puts the demo dataset back to private by default: no algorithm may run on it. */
  public static void makeDatasetPrivate(CoveClient cove) {
    String token = cove.signIn(publisher());
    CoveClient.Response response =
        cove.json(
            "PUT",
            "/api/v1/assets/" + did(cove, DATASET) + "/services/compute/compute",
            token,
            Json.createObjectBuilder()
                .add("allowRawAlgorithm", false)
                .add("allowNetworkAccess", false)
                .add("publisherTrustedAlgorithms", Json.createArrayBuilder())
                .add("publisherTrustedAlgorithmPublishers", Json.createArrayBuilder())
                .build());
    if (response.status() != 200) {
      throw new IllegalStateException("could not reset the demo dataset: " + response.body());
    }
  }

  private static TestWallet demo(String role) {
    Path key = Path.of(System.getProperty("cove.it.data.dir"), "keys", "demo-" + role + ".key");
    try {
      return TestWallet.of(Files.readString(key).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("the test server's demo key " + role + " is not readable", e);
    }
  }
}
