package org.cove.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.Ddos;
import org.cove.testing.TestFileServer;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What runs is what was reviewed: a consumer's algorithm behind a URL on the publisher's network is
 * reviewed and approved, then the file behind the URL is swapped for code that prints the inputs;
 * the job still runs the reviewed code. A stored copy altered on disk neither shows nor runs.
 */
class AlgorithmIntegrityIT {

  private static final String SECRET_ROW = "alice,4242";

  private static final CoveClient cove = new CoveClient();
  private static final ComputeClient compute = new ComputeClient(cove);
  private static TestFileServer files;
  private static String environment;

  private TestWallet consumer;
  private String consumerToken;
  private String publisherToken;
  private String datasetDid;
  private String marker;
  private String reviewed;

  @BeforeAll
  static void start() {
    files = TestFileServer.start();
    environment =
        ComputeClient.environment(cove, "it-integrity", ComputeClient.testEnvironment(10, 30));
  }

  @AfterAll
  static void stop() {
    files.close();
  }

  @BeforeEach
  void publishPrivateData() {
    publisherToken = cove.signIn(TestWallet.random());
    consumer = TestWallet.random();
    consumerToken = cove.signIn(consumer);
    String data =
        cove.upload(
            publisherToken, "people.csv", ("name,pin\n" + SECRET_ROW + "\n").getBytes(UTF_8));
    datasetDid =
        cove.publish(
                publisherToken, Ddos.dataset("People", Ddos.service("compute", "compute", data)))
            .getString("id");
    marker = "reviewed-" + UUID.randomUUID();
    reviewed = "print('" + marker + "')\n";
  }

  @Test
  void the_reviewed_code_runs_after_the_file_behind_its_url_was_swapped() {
    String path = "/algorithms/" + marker + ".py";
    String algorithm = publishAlgorithm(files.serve(path, reviewed.getBytes(UTF_8)));
    JsonObject request = requestApproval(algorithm);
    JsonObject code = cove.get(approval(request, "/code"), publisherToken).json();
    assertThat(code.getJsonArray("files").getJsonObject(0).getString("text")).isEqualTo(reviewed);
    approve(request);

    files.serve(
        path,
        ("import os\nfor d, _, fs in os.walk(os.environ['INPUTS']):\n"
                + "    for f in fs: print(open(os.path.join(d, f)).read())\n")
            .getBytes(UTF_8));
    JsonObject job = run(algorithm);

    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(70);
    String log = compute.resultText(consumer, job, "algorithmLog", null);
    assertThat(log).contains(marker).doesNotContain(SECRET_ROW);
    assertThat(cove.get(approval(request, "/code"), publisherToken).json().toString())
        .contains(marker);
    assertThat(files.fetches(path)).as("fetched once, when it was published").isEqualTo(1);
  }

  @Test
  void a_stored_copy_altered_on_disk_is_neither_shown_nor_run() throws IOException {
    String path = "/algorithms/" + marker + ".py";
    String algorithm = publishAlgorithm(files.serve(path, reviewed.getBytes(UTF_8)));
    JsonObject request = requestApproval(algorithm);
    approve(request);

    overwriteStoredCopy("print(open('/etc/hostname').read())\n");

    Response review = cove.get(approval(request, "/code"), publisherToken);
    assertProblem(review, 409, "file-changed");
    assertThat(review.json().getString("reason")).isEqualTo("algorithm_changed");
    JsonObject job = run(algorithm);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(32);
    assertThat(job.getString("message")).contains("algorithm_changed");
    assertThat(job.containsKey("algoStartTimestamp")).as("the algorithm never started").isFalse();
  }

  /** The snapshot is the one file in the data directory's uploads holding this test's code. */
  private void overwriteStoredCopy(String code) throws IOException {
    Path uploads = Path.of(System.getProperty("cove.it.data.dir"), "uploads");
    byte[] original = reviewed.getBytes(UTF_8);
    List<Path> copies;
    try (Stream<Path> all = Files.list(uploads)) {
      copies = all.filter(p -> sameContent(p, original)).toList();
    }
    assertThat(copies).hasSize(1);
    Files.writeString(copies.get(0), code);
  }

  private static boolean sameContent(Path file, byte[] content) {
    try {
      return Files.size(file) == content.length && Arrays.equals(Files.readAllBytes(file), content);
    } catch (IOException e) {
      return false;
    }
  }

  private String publishAlgorithm(String url) {
    JsonObject service =
        Json.createObjectBuilder()
            .add("id", "compute")
            .add("type", "compute")
            .add(
                "files",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("type", "url").add("url", url)))
            .build();
    return cove.publish(consumerToken, Ddos.algorithm("From a URL", service)).getString("id");
  }

  private JsonObject requestApproval(String algorithm) {
    Response response =
        cove.json(
            "POST",
            "/api/v1/approvals",
            consumerToken,
            Json.createObjectBuilder()
                .add("datasetDid", datasetDid)
                .add("serviceId", "compute")
                .add("algorithmDid", algorithm)
                .add("justification", "prints one line")
                .build());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private void approve(JsonObject request) {
    Response approved = cove.post(approval(request, "/approve"), publisherToken);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
  }

  private JsonObject run(String algorithm) {
    String jobId =
        compute.start(
            consumer,
            ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, datasetDid)
                .build());
    return compute.waitForEnd(consumerToken, consumer.address(), jobId);
  }

  private static String approval(JsonObject request, String suffix) {
    return "/api/v1/approvals/" + request.getString("id") + suffix;
  }
}
