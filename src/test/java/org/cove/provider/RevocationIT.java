package org.cove.provider;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.testing.ComputeClient.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation takes effect on the running WAR with the local engine: a consumer's long job is
 * stopped within seconds of its dataset's publisher revoking the approval it ran under, or
 * disabling the dataset, or of its algorithm being disabled; the job ends stopped (44) with a
 * reason the consumer reads, and the ledger has the revocation. The algorithm waits for a file
 * nobody writes, so only a stop ends it before its deadline.
 */
class RevocationIT {

  static final String WAITS =
      """
      import os, time
      print("started", flush=True)
      while not os.path.exists(os.path.join(os.environ["OUTPUTS"], "never")):
          time.sleep(0.1)
      """;

  /** Revocation's bound: seconds on a quiet machine; this is for a busy shared one. */
  static final Duration STOPPED_WITHIN = Duration.ofSeconds(30);

  static final CoveClient cove = new CoveClient();
  static final ComputeClient compute = new ComputeClient(cove);
  static String environment;

  TestWallet publisher;
  String publisherToken;
  TestWallet consumer;
  String consumerToken;
  String dataset;
  String algorithm;

  @BeforeAll
  static void environment() {
    environment =
        ComputeClient.environment(cove, "it-revocation", ComputeClient.testEnvironment(20, 600));
  }

  @BeforeEach
  void publishPrivateDatasetAndAlgorithm() {
    publisher = TestWallet.random();
    publisherToken = cove.signIn(publisher);
    consumer = TestWallet.random();
    consumerToken = cove.signIn(consumer);
    String data = cove.upload(publisherToken, "data.csv", "a,b\n1,2\n".getBytes(UTF_8));
    dataset =
        cove.publish(
                publisherToken,
                Ddos.dataset(
                    "Private data " + UUID.randomUUID(), Ddos.service("compute", "compute", data)))
            .getString("id");
    String code = cove.upload(consumerToken, "waits.py", WAITS.getBytes(UTF_8));
    algorithm =
        cove.publish(
                consumerToken, Ddos.algorithm("Waits", Ddos.service("compute", "compute", code)))
            .getString("id");
  }

  @Test
  void revoking_the_approval_stops_the_running_job_with_the_reason_and_the_ledger_says_so() {
    String approval = approve();
    String jobId = startAndAwaitRunning();

    Instant revoked = Instant.now();
    CoveClient.Response revoke =
        cove.post("/api/v1/approvals/" + approval + "/revoke", publisherToken);
    assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);

    JsonObject job = awaitEnd(jobId);
    System.out.printf(
        "RevocationIT: revoke answered -> job ended 44 in %d ms%n",
        Duration.between(revoked, Instant.now()).toMillis());
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(44);
    assertThat(job.getString("statusText")).isEqualTo("Job stopped");
    assertThat(job.getString("message"))
        .isEqualTo(
            "no longer allowed to run: the dataset's publisher revoked this algorithm's approval");
    assertThat(compute.resultText(consumer, job, "algorithmLog", null)).contains("started");
    JsonObject entry = ledgerEntry(jobId, "job-revoked");
    assertThat(entry.getString("actor")).isEqualToIgnoringCase(publisher.address());
    assertThat(entry.getJsonObject("payload").getString("reason"))
        .isEqualTo(job.getString("message"));
    assertThat(ledgerEntries(jobId))
        .anyMatch(
            e ->
                e.getString("kind").equals("job-status")
                    && e.getJsonObject("payload").getInt("status") == 44
                    && e.getJsonObject("payload")
                        .getString("message")
                        .equals(job.getString("message")));
  }

  @Test
  void disabling_the_dataset_stops_its_running_jobs_and_refuses_its_queued_one() {
    approve();
    // one job more than the local engine runs at once (its slots: the server's cores, at least
    // two, and it runs on this machine): the last one waits queued
    int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
    List<String> running = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      running.add(startAndAwaitRunning());
    }
    String queued = start();
    assertThat(compute.job(consumerToken, consumer.address(), queued).getInt("status"))
        .as("the job waits for a slot")
        .isEqualTo(1);

    CoveClient.Response disabled =
        cove.post("/api/v1/assets/" + dataset + "/disable", publisherToken);
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

    List<String> jobs = new ArrayList<>(running);
    jobs.add(queued);
    for (String jobId : jobs) {
      JsonObject job = awaitEnd(jobId);
      assertThat(job.getInt("status")).as(job.toString()).isEqualTo(44);
      assertThat(job.getString("message"))
          .isEqualTo("no longer allowed to run: the asset is disabled");
      assertThat(ledgerEntry(jobId, "job-revoked").getString("actor"))
          .isEqualToIgnoringCase(publisher.address());
      assertThat(ledgerEntry(jobId, "job-status:44")).isNotNull();
    }
    JsonObject refused = awaitEnd(queued);
    assertThat(refused.getJsonArray("results").getValuesAs(JsonObject.class))
        .as("the queued job's algorithm never ran")
        .noneMatch(result -> result.getString("type").equals("algorithmLog"));
  }

  @Test
  void removing_the_algorithm_from_the_datasets_permissions_stops_its_running_job() {
    approve();
    String jobId = startAndAwaitRunning();

    CoveClient.Response narrowed =
        cove.json(
            "PUT",
            "/api/v1/assets/" + dataset + "/services/compute/compute",
            publisherToken,
            Json.createObjectBuilder()
                .add("allowRawAlgorithm", false)
                .add("allowNetworkAccess", false)
                .add("publisherTrustedAlgorithms", Json.createArrayBuilder())
                .add("publisherTrustedAlgorithmPublishers", Json.createArrayBuilder())
                .build());
    assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);

    JsonObject job = awaitEnd(jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(44);
    assertThat(job.getString("message"))
        .isEqualTo(
            "no longer allowed to run: the dataset's publisher has not allowed this algorithm");
    assertThat(ledgerEntry(jobId, "job-revoked").getJsonObject("payload").getString("reason"))
        .isEqualTo(job.getString("message"));
  }

  @Test
  void disabling_the_algorithm_stops_the_jobs_that_run_it() {
    approve();
    String jobId = startAndAwaitRunning();

    CoveClient.Response disabled =
        cove.post("/api/v1/assets/" + algorithm + "/disable", consumerToken);
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

    JsonObject job = awaitEnd(jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(44);
    assertThat(job.getString("message"))
        .isEqualTo("no longer allowed to run: the algorithm is disabled");
    assertThat(ledgerEntry(jobId, "job-revoked").getString("actor"))
        .isEqualToIgnoringCase(consumer.address());
  }

  // --- helpers ---

  /** The consumer asks, the publisher approves; returns the approval's id. */
  private String approve() {
    CoveClient.Response requested =
        cove.json(
            "POST",
            "/api/v1/approvals",
            consumerToken,
            Json.createObjectBuilder()
                .add("datasetDid", dataset)
                .add("serviceId", "compute")
                .add("algorithmDid", algorithm)
                .add("justification", "waits, nothing more")
                .build());
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    String id = requested.json().getString("id");
    CoveClient.Response approved =
        cove.post("/api/v1/approvals/" + id + "/approve", publisherToken);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    return id;
  }

  private String start() {
    return compute.start(
        consumer,
        ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset).build());
  }

  /** Started, at 40, and its algorithm has printed its first line: it really runs. */
  private String startAndAwaitRunning() {
    String jobId = start();
    compute.waitFor(consumerToken, consumer.address(), jobId, status(40), Duration.ofSeconds(60));
    assertThat(compute.firstLogLine(consumer, jobId)).isEqualTo("started");
    return jobId;
  }

  private JsonObject awaitEnd(String jobId) {
    return compute.waitFor(
        consumerToken, consumer.address(), jobId, j -> !j.isNull("dateFinished"), STOPPED_WITHIN);
  }

  private List<JsonObject> ledgerEntries(String jobId) {
    return cove.get("/api/v1/ledger?subject=" + jobId + "&size=100", consumerToken)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  /** The job's entry of this kind ({@code job-status:<code>} for a status); fails if none. */
  private JsonObject ledgerEntry(String jobId, String kind) {
    return ledgerEntries(jobId).stream()
        .filter(
            e ->
                kind.equals(e.getString("kind"))
                    || kind.equals(
                        e.getString("kind")
                            + ":"
                            + e.getJsonObject("payload").getInt("status", -1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " entry for job " + jobId));
  }
}
