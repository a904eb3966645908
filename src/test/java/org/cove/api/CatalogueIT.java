package org.cove.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.cove.shared.Hashes;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.Ddos;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing, finding and managing assets over the API. */
class CatalogueIT {

  private final CoveClient cove = new CoveClient();
  private String token;
  private String word;

  @BeforeEach
  void signIn() {
    token = cove.signIn(TestWallet.random());
    word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void publishing_a_dataset_with_an_upload_answers_its_ddo_without_the_file() {
    String upload = cove.upload(token, "stations.csv", "a,b\n1,2\n".getBytes(UTF_8));

    Response published =
        cove.json(
            "POST",
            "/api/v1/assets",
            token,
            Ddos.dataset("Stations " + word, Ddos.service("compute", "compute", upload)));

    assertThat(published.status()).isEqualTo(201);
    JsonObject ddo = published.json();
    assertThat(published.header("Location")).endsWith("/api/v1/assets/" + ddo.getString("id"));
    assertThat(ddo.getString("id")).matches("did:op:[0-9a-f]{64}");
    JsonObject service = ddo.getJsonArray("services").getJsonObject(0);
    assertThat(service.getInt("fileCount")).isEqualTo(1);
    assertThat(service.containsKey("files")).isFalse();
    assertThat(service.getJsonObject("compute").getJsonArray("publisherTrustedAlgorithms"))
        .isEmpty();
    assertThat(published.body()).doesNotContain(upload, "uploads", "stations.csv");
  }

  @Test
  void an_algorithm_shows_oceans_checksums_of_its_code_and_container() {
    byte[] script = "print('hello')\n".getBytes(UTF_8);
    String upload = cove.upload(token, "hello.py", script);

    JsonObject ddo =
        cove.publish(
            token,
            Ddos.algorithm(
                "Hello " + word,
                Ddos.service("access", "access", upload),
                Ddos.service("compute", "compute", upload)));

    JsonObject checksums = ddo.getJsonObject("cove");
    assertThat(checksums.getString("filesChecksum")).isEqualTo(Hashes.sha256Hex(script));
    assertThat(checksums.getString("containerSectionChecksum"))
        .isEqualTo(Hashes.sha256Hex("python3 $ALGO" + Ddos.IMAGE_CHECKSUM));
    assertThat(
            ddo.getJsonObject("metadata")
                .getJsonObject("algorithm")
                .getJsonObject("container")
                .getString("checksum"))
        .isEqualTo(Ddos.IMAGE_CHECKSUM);
  }

  @Test
  void search_finds_by_words_type_tag_and_publisher_in_pages() {
    TestWallet other = TestWallet.random();
    String otherToken = cove.signIn(other);
    for (int i = 0; i < 3; i++) {
      publishDataset(token, "Rainfall " + word + " " + i);
    }
    publishDataset(otherToken, "Snow " + word);

    JsonObject all = cove.get("/api/v1/assets?text=" + word + "&size=2").json();
    assertThat(all.getInt("total")).isEqualTo(4);
    assertThat(all.getJsonArray("items")).hasSize(2);
    assertThat(
            cove.get("/api/v1/assets?text=" + word + "&size=2&page=1").json().getJsonArray("items"))
        .hasSize(2);
    assertThat(cove.get("/api/v1/assets?text=rainfall%20" + word).json().getInt("total"))
        .isEqualTo(3);
    assertThat(
            cove.get("/api/v1/assets?text=" + word + "&publisher=" + other.address())
                .json()
                .getInt("total"))
        .isEqualTo(1);
    assertThat(cove.get("/api/v1/assets?text=" + word + "&type=algorithm").json().getInt("total"))
        .isZero();
    assertThat(cove.get("/api/v1/assets?text=" + word + "&tag=test").json().getInt("total"))
        .isEqualTo(4);
    assertThat(cove.get("/api/v1/assets?text=" + word + "&tag=other").json().getInt("total"))
        .isZero();
  }

  @Test
  void only_the_publisher_updates_and_an_update_keeps_did_and_creation() {
    JsonObject ddo = publishDataset(token, "Original " + word);
    String did = ddo.getString("id");
    String upload = cove.upload(token, "v2.csv", "x\n1\n".getBytes(UTF_8));
    JsonObject changed =
        Ddos.dataset("Renamed " + word, Ddos.service("compute", "compute", upload));

    assertProblem(
        cove.json("PUT", "/api/v1/assets/" + did, cove.signIn(TestWallet.random()), changed),
        403,
        "forbidden");
    JsonObject updated = cove.json("PUT", "/api/v1/assets/" + did, token, changed).json();

    assertThat(updated.getString("id")).isEqualTo(did);
    JsonObject before = ddo.getJsonObject("metadata");
    JsonObject after = updated.getJsonObject("metadata");
    assertThat(after.getString("name")).isEqualTo("Renamed " + word);
    assertThat(after.getString("created")).isEqualTo(before.getString("created"));
    assertThat(after.getString("updated")).isGreaterThan(before.getString("updated"));
  }

  @Test
  void a_disabled_asset_leaves_public_search_and_only_its_publisher_switches_it() {
    String did = publishDataset(token, "Switch " + word).getString("id");
    String stranger = cove.signIn(TestWallet.random());

    assertProblem(cove.post("/api/v1/assets/" + did + "/disable", stranger), 403, "forbidden");
    JsonObject disabled = cove.post("/api/v1/assets/" + did + "/disable", token).json();

    assertThat(disabled.getJsonObject("cove").getString("state")).isEqualTo("disabled");
    assertThat(disabled.getJsonObject("nft").getInt("state")).isEqualTo(4);
    assertThat(cove.get("/api/v1/assets?text=" + word).json().getInt("total")).isZero();
    assertThat(
            cove.post("/api/v1/assets/" + did + "/enable", token)
                .json()
                .getJsonObject("cove")
                .getString("state"))
        .isEqualTo("active");
    assertThat(cove.get("/api/v1/assets?text=" + word).json().getInt("total")).isEqualTo(1);
  }

  @Test
  void publishing_is_in_the_publishers_ledger() {
    String did = publishDataset(token, "Ledgered " + word).getString("id");

    JsonObject entries = cove.get("/api/v1/ledger?subject=" + did, token).json();

    assertThat(entries.getJsonArray("items").getJsonObject(0).getString("kind"))
        .isEqualTo("asset-published");
  }

  @Test
  void an_invalid_ddo_names_every_bad_field() {
    JsonObject ddo =
        Json.createObjectBuilder()
            .add(
                "metadata",
                Json.createObjectBuilder()
                    .add("type", "algorithm")
                    .add("name", "x")
                    .add("author", "a")
                    .add("license", "l")
                    .add(
                        "algorithm",
                        Json.createObjectBuilder()
                            .add(
                                "container",
                                Json.createObjectBuilder()
                                    .add("entrypoint", "python3 $ALGO")
                                    .add("image", "python")
                                    .add("checksum", "md5:abc"))))
            .add("services", Json.createArrayBuilder())
            .build();

    Response refused = cove.json("POST", "/api/v1/assets", token, ddo);

    assertProblem(refused, 400, "invalid-ddo");
    assertThat(refused.json().getString("detail"))
        .isEqualTo("metadata.algorithm.container.checksum: must start with sha256:");
    assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains("metadata.algorithm.container.checksum", "services");
  }

  @Test
  void bad_inputs_are_client_errors() {
    assertProblem(cove.get("/api/v1/assets/did:op:" + "0".repeat(64)), 404, "not-found");
    assertProblem(cove.get("/api/v1/assets/did:op:xyz"), 400, "invalid-did");
    assertProblem(cove.get("/api/v1/assets?type=table"), 400, "invalid-request");
    assertProblem(cove.get("/api/v1/assets?size=1000"), 400, "invalid-request");
    assertProblem(
        cove.json("POST", "/api/v1/assets", token, Json.createObjectBuilder().build()),
        400,
        "invalid-ddo");
    String stranger = cove.signIn(TestWallet.random());
    String notMine = cove.upload(stranger, "x.csv", new byte[] {1});
    assertProblem(
        cove.json(
            "POST",
            "/api/v1/assets",
            token,
            Ddos.dataset("x", Ddos.service("c", "compute", notMine))),
        400,
        "invalid-ddo");
  }

  @Test
  void file_names_are_names_not_paths() {
    for (String name : new String[] {"../../etc/passwd", "a/b.csv", "..", "a\\b"}) {
      Response refused =
          cove.send(
              cove.request("/api/v1/files?filename=" + CoveClient.encode(name))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));
      assertProblem(refused, 400, "invalid-request");
    }
  }

  @Test
  void an_upload_past_the_size_limit_is_refused() {
    long limit = Long.parseLong(System.getProperty("cove.it.upload.max.bytes", "5242880"));

    Response refused =
        cove.send(
            cove.request("/api/v1/files?filename=big.bin")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) limit + 1])));

    assertProblem(refused, 413, "payload-too-large");
  }

  @Test
  void publishing_needs_a_signed_in_account() {
    assertProblem(
        cove.postJson("/api/v1/assets", Ddos.dataset("x", Ddos.service("c", "compute", "x"))),
        401,
        "unauthenticated");
  }

  private JsonObject publishDataset(String token, String name) {
    String upload = cove.upload(token, "data.csv", "a\n1\n".getBytes(UTF_8));
    return cove.publish(token, Ddos.dataset(name, Ddos.service("compute", "compute", upload)));
  }

  @Test
  void a_permissions_put_of_unknown_fields_is_refused_and_changes_nothing() {
    TestWallet publisher = TestWallet.random();
    String own = cove.signIn(publisher);
    String upload = cove.upload(own, "stations.csv", "a,b\n1,2\n".getBytes(UTF_8));
    String did =
        cove.publish(
                own,
                Ddos.dataset(
                    "Stations " + word, Ddos.computeServiceTrusting(upload, publisher.address())))
            .getString("id");
    String permissions = "/api/v1/assets/" + did + "/services/compute/compute";

    Response unknown =
        cove.json(
            "PUT",
            permissions,
            own,
            Json.createObjectBuilder().add("allowRawAlgorithmm", true).build());
    Response misspeltPin =
        cove.json(
            "PUT",
            permissions,
            own,
            Json.createObjectBuilder()
                .add(
                    "publisherTrustedAlgorithms",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("did", did).add("filesChecksun", "x")))
                .build());

    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.body()).contains("compute.allowRawAlgorithmm");
    assertThat(misspeltPin.status()).as(misspeltPin.body()).isEqualTo(400);
    assertThat(misspeltPin.body()).contains("filesChecksun");
    JsonObject compute =
        cove.get("/api/v1/assets/" + did)
            .json()
            .getJsonArray("services")
            .getJsonObject(0)
            .getJsonObject("compute");
    assertThat(compute.getJsonArray("publisherTrustedAlgorithmPublishers").getString(0))
        .isEqualToIgnoringCase(publisher.address());
  }
}
