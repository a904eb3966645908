package org.cove.operator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.testing.ComputeClient.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.DemoData;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole compute journey on the running WAR with the local engine: signed starts through the
 * Ocean-compatible API, the real sandbox, status polled to the end, results downloaded and read.
 */
class ComputeIT {

  static final String COUNT_ROWS =
      """
      import json, os
      inputs = os.environ["INPUTS"]
      params = json.load(open(os.path.join(inputs, "algoCustomData.json")))
      dids = json.loads(os.environ["DIDS"])
      rows = {}
      for did in dids:
          for name in sorted(os.listdir(os.path.join(inputs, did))):
              with open(os.path.join(inputs, did, name)) as f:
                  rows[did + "/" + name] = len(f.read().splitlines()) - 1
      print("counted", sum(rows.values()), "rows")
      json.dump({"rows": rows, "params": params}, open(os.path.join(os.environ["OUTPUTS"], "rows.json"), "w"))
      """;

  static final CoveClient cove = new CoveClient();
  static final ComputeClient compute = new ComputeClient(cove);
  static String environment;

  TestWallet publisher;
  String publisherToken;
  TestWallet consumer;
  String consumerToken;

  @BeforeAll
  static void environment() {
    environment =
        ComputeClient.environment(cove, "it-compute", ComputeClient.testEnvironment(20, 30));
  }

  @BeforeEach
  void accounts() {
    publisher = TestWallet.random();
    publisherToken = cove.signIn(publisher);
    consumer = TestWallet.random();
    consumerToken = cove.signIn(consumer);
  }

  @Test
  void the_demo_algorithm_runs_on_the_demo_dataset_once_its_publisher_approved_it()
      throws Exception {
    DemoData.makeDatasetPrivate(cove);
    String dataset = demoDid("Norwegian weather stations, November 2025 (demo)");
    String algorithm = demoDid("Summary statistics (demo)");
    JsonObject request =
        ComputeClient.body(
                environment,
                algorithm,
                Json.createObjectBuilder().add("precision", 2).build(),
                dataset)
            .build();
    assertThat(compute.freeStart(consumer, request).json().getString("reason"))
        .isEqualTo("not_trusted_algo");

    approveAsDemoPublisher(dataset, algorithm);
    JsonObject job;
    try {
      String jobId = compute.start(consumer, request);
      job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    } finally {
      // Other test classes expect the demo as it was seeded. Only once the job has ended: taking
      // the algorithm out of the dataset's permissions stops a job that still runs it (44).
      DemoData.makeDatasetPrivate(cove);
    }
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(70);
    assertThat(job.getString("statusText")).isEqualTo("Job finished");
    assertThat(job.getJsonObject("terminationDetails").getInt("exitCode")).isZero();
    JsonObject summary =
        Json.createReader(
                new StringReader(compute.resultText(consumer, job, "output", "summary.json")))
            .readObject();
    assertThat(summary.toString()).contains(hex(dataset));
    assertThat(summary.toString()).contains("\"count\"");
    assertThat(compute.resultText(consumer, job, "algorithmLog", null)).isNotNull();
    assertThat(types(job)).contains("output", "algorithmLog", "configurationLog", "publishLog");
  }

  @Test
  void additional_datasets_and_consumer_parameters_reach_the_algorithm() {
    String first = publishDataset("a,b\n1,2\n3,4\n");
    String second = publishDataset("x\n1\n2\n3\n");
    String algorithm = publishAlgorithm(COUNT_ROWS, parameters());
    JsonObject params = Json.createObjectBuilder().add("label", "mine").add("scale", "2.5").build();

    String jobId =
        compute.start(
            consumer, ComputeClient.body(environment, algorithm, params, first, second).build());

    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(70);
    JsonObject rows = parse(compute.resultText(consumer, job, "output", "rows.json"));
    assertThat(rows.getJsonObject("rows").getInt(hex(first) + "/0")).isEqualTo(2);
    assertThat(rows.getJsonObject("rows").getInt(hex(second) + "/0")).isEqualTo(3);
    assertThat(rows.getJsonObject("params").getString("label")).isEqualTo("mine");
    assertThat(rows.getJsonObject("params").getJsonNumber("scale").doubleValue()).isEqualTo(2.5);
    assertThat(rows.getJsonObject("params").getBoolean("verbose")).isFalse();
    assertThat(compute.resultText(consumer, job, "algorithmLog", null)).contains("counted 5 rows");
  }

  @Test
  void bad_consumer_parameters_are_refused_before_anything_runs() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm(COUNT_ROWS, parameters());
    JsonObject unknown = Json.createObjectBuilder().add("label", "x").add("colour", "red").build();
    JsonObject notANumber =
        Json.createObjectBuilder().add("label", "x").add("scale", "lots").build();
    JsonObject missing = JsonValue.EMPTY_JSON_OBJECT;

    for (JsonObject params : new JsonObject[] {unknown, notANumber, missing}) {
      CoveClient.Response response =
          compute.freeStart(
              consumer, ComputeClient.body(environment, algorithm, params, dataset).build());
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().getString("reason")).isEqualTo("invalid_consumer_parameters");
    }
  }

  @Test
  void a_failing_algorithm_ends_failed_with_its_exit_code_and_its_log() {
    String dataset = publishDataset("a\n1\n");
    String algorithm =
        publishAlgorithm("import sys\nprint('bad input', file=sys.stderr)\nsys.exit(3)\n", null);

    String jobId = startPlain(algorithm, dataset);

    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(41);
    assertThat(job.getJsonObject("terminationDetails").getInt("exitCode")).isEqualTo(3);
    assertThat(compute.resultText(consumer, job, "algorithmLog", null)).contains("bad input");
  }

  @Test
  void a_long_job_can_be_stopped_and_still_publishes_its_log() throws Exception {
    String dataset = publishDataset("a\n1\n");
    String algorithm =
        publishAlgorithm("import time\nprint('started', flush=True)\ntime.sleep(600)\n", null);
    String jobId = startPlain(algorithm, dataset);
    compute.waitFor(consumerToken, consumer.address(), jobId, status(40), Duration.ofSeconds(30));
    try (BufferedReader log = liveLog(jobId)) {
      assertThat(log.readLine()).isEqualTo("started"); // the algorithm is really under way
    }

    CoveClient.Response stopped = compute.stop(consumer, jobId);

    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(44);
    assertThat(job.getBoolean("stopRequested")).isTrue();
    assertThat(compute.resultText(consumer, job, "algorithmLog", null)).contains("started");
  }

  @Test
  void the_algorithm_log_streams_while_the_job_runs_and_ends_with_it() throws Exception {
    String dataset = publishDataset("a\n1\n");
    String algorithm =
        publishAlgorithm("import time\nprint('ready', flush=True)\ntime.sleep(600)\n", null);
    String jobId = startPlain(algorithm, dataset);
    compute.waitFor(consumerToken, consumer.address(), jobId, status(40), Duration.ofSeconds(30));

    try (BufferedReader lines = liveLog(jobId)) {
      assertThat(lines.readLine())
          .as("the first line, while the job still runs")
          .isEqualTo("ready");
      assertThat(compute.job(consumerToken, consumer.address(), jobId).getInt("status"))
          .isEqualTo(40);

      compute.stop(consumer, jobId);

      // The rest (a note about the stop, if any) arrives and the response ends with the stage.
      assertThat(lines.lines()).as("nothing is sent twice").doesNotContain("ready");
    }
  }

  /** The job's live algorithm log, as a stream of lines that ends with the algorithm stage. */
  private BufferedReader liveLog(String jobId) throws Exception {
    String nonce = String.valueOf(compute.nextNonce(consumer));
    HttpResponse<InputStream> stream =
        HttpClient.newHttpClient()
            .send(
                cove.request(
                        "/api/services/computeStreamableLogs?jobId="
                            + jobId
                            + "&consumerAddress="
                            + consumer.address()
                            + "&nonce="
                            + nonce
                            + "&signature="
                            + consumer.signRequest(nonce, "getComputeStreamableLogs"))
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    return new BufferedReader(new InputStreamReader(stream.body(), UTF_8));
  }

  @Test
  void a_job_that_asks_for_it_has_its_output_published_as_a_private_dataset_of_its_owner() {
    String dataset = publishDataset("a\n1\n");
    String algorithm =
        publishAlgorithm(
            "import os\nopen(os.path.join(os.environ['OUTPUTS'], 'derived.csv'), 'w').write('x\\n42\\n')\n",
            null);
    JsonObject request =
        ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset)
            .add("publishOutput", true)
            .build();

    String jobId = compute.start(consumer, request);

    compute.waitForEnd(consumerToken, consumer.address(), jobId);
    JsonObject asset = waitForAsset("Output of job " + jobId);
    JsonObject service = asset.getJsonArray("services").getJsonObject(0);
    assertThat(service.getString("type")).isEqualTo("compute");
    assertThat(service.getJsonObject("compute").getJsonArray("publisherTrustedAlgorithms"))
        .isEmpty();
    CoveClient.Response mine =
        cove.get("/api/v1/assets?publisher=" + consumer.address() + "&size=50", consumerToken);
    assertThat(mine.body()).contains("Output of job " + jobId);
  }

  @Test
  void a_job_past_its_deadline_is_killed_and_marked_timed_out() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("import time\ntime.sleep(600)\n", null);
    JsonObject request =
        ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset)
            .add("maxJobDuration", 2)
            .build();

    String jobId = compute.start(consumer, request);

    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(43);
    assertThat(job.getString("statusText")).isEqualTo("Algorithm timed out");
  }

  @Test
  void another_account_can_neither_see_nor_stop_nor_download_a_job() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("print('secret result')\n", null);
    String jobId = startPlain(algorithm, dataset);
    compute.waitForEnd(consumerToken, consumer.address(), jobId);
    TestWallet stranger = TestWallet.random();
    String strangerToken = cove.signIn(stranger);

    assertThat(compute.status(strangerToken, stranger.address(), jobId).status()).isEqualTo(404);
    assertThat(compute.status(strangerToken, consumer.address(), jobId).status()).isEqualTo(403);
    assertThat(compute.stop(stranger, jobId).status()).isEqualTo(404);
    assertThat(compute.result(stranger, jobId, 0).statusCode()).isEqualTo(404);
    assertThat(cove.get("/api/services/compute?jobId=" + jobId).status()).isEqualTo(401);
  }

  @Test
  void the_datasets_publisher_sees_the_job_but_not_its_results() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("print('x')\n", null);
    String jobId = startPlain(algorithm, dataset);
    compute.waitForEnd(consumerToken, consumer.address(), jobId);

    JsonObject onMyData = cove.get("/api/v1/jobs/on-my-data", publisherToken).json();

    JsonObject seen = onMyData.getJsonArray("items").getJsonObject(0);
    assertThat(seen.getString("jobId")).isEqualTo(jobId);
    assertThat(seen.getString("owner")).isEqualToIgnoringCase(consumer.address());
    assertThat(seen.getJsonArray("results")).isEmpty();
    assertThat(compute.result(publisher, jobId, 0).statusCode()).isEqualTo(404);
  }

  @Test
  void no_answer_or_log_the_consumer_receives_names_a_file_location() throws Exception {
    String dataset = publishDataset("a\n1\n");
    String algorithm =
        publishAlgorithm(
            "import os\nprint(open('/proc/self/mountinfo').read())\nprint(os.getcwd())\n"
                + "open(os.path.join(os.environ['OUTPUTS'], 'out.txt'), 'w').write('ok')\n",
            null);
    String jobId = startPlain(algorithm, dataset);
    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    String dataDir = Path.of(System.getProperty("cove.it.data.dir")).toAbsolutePath().toString();

    StringBuilder everything = new StringBuilder(job.toString());
    for (String type : new String[] {"algorithmLog", "configurationLog", "publishLog"}) {
      everything.append(compute.resultText(consumer, job, type, null));
    }
    everything.append(cove.get("/api/v1/jobs/" + jobId, consumerToken).body());

    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(70);
    assertThat(everything.toString()).contains("/proc").doesNotContain(dataDir);
  }

  @Test
  void each_status_of_a_job_is_in_the_ledger_once() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("print('x')\n", null);
    String jobId = startPlain(algorithm, dataset);
    compute.waitForEnd(consumerToken, consumer.address(), jobId);

    JsonObject entries =
        cove.get("/api/v1/ledger?subject=" + jobId + "&size=100", consumerToken).json();

    var kinds =
        entries.getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .map(e -> e.getString("kind") + ":" + statusOf(e))
            .toList();
    assertThat(kinds).doesNotHaveDuplicates();
    assertThat(kinds).contains("job-submitted:", "job-status:1", "job-status:40", "job-status:70");
  }

  @Test
  void refusals_name_their_reason() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("print('x')\n", null);
    JsonObject ok =
        ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset).build();

    assertReason(with(ok, "environment", Json.createValue("nowhere")), "environment_not_found");
    assertReason(
        with(
            ok,
            "resources",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "ram").add("amount", 64))
                .build()),
        "not_enough_resources");
    assertReason(with(ok, "maxJobDuration", Json.createValue(100_000)), "invalid_duration");
    String untrusted = publishAlgorithmBy(TestWallet.random(), "print('x')\n");
    assertReason(
        ComputeClient.body(environment, untrusted, JsonValue.EMPTY_JSON_OBJECT, dataset).build(),
        "not_trusted_algo_publisher");
  }

  @Test
  void a_start_finds_every_asset_it_names_in_the_role_it_names_it() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("print('x')\n", null);
    String missing = "did:op:" + "0".repeat(64);
    JsonObject none = JsonValue.EMPTY_JSON_OBJECT;

    assertReason(ComputeClient.body(environment, dataset, none, dataset).build(), "not_algo");
    assertReason(
        ComputeClient.body(environment, algorithm, none, algorithm).build(),
        "not_a_compute_service");
    for (JsonObject body :
        List.of(
            ComputeClient.body(environment, missing, none, dataset).build(),
            ComputeClient.body(environment, algorithm, none, missing).build(),
            ComputeClient.body(environment, algorithm, none, dataset, missing).build())) {
      CoveClient.Response response = compute.freeStart(consumer, body);
      assertThat(response.status()).as(response.body()).isEqualTo(404);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().getString("detail")).isEqualTo("no asset " + missing);
    }
  }

  @Test
  void initialize_quotes_what_a_start_would_get() {
    String dataset = publishDataset("a\n1\n");
    String algorithm = publishAlgorithm("print('x')\n", null);
    JsonObject body =
        Json.createObjectBuilder(
                ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset)
                    .build())
            .add("consumerAddress", consumer.address())
            .add("maxJobDuration", 20)
            .build();

    CoveClient.Response quote = compute.initialize(body);

    assertThat(quote.status()).as(quote.body()).isEqualTo(200);
    assertThat(quote.json().getJsonObject("payment").getJsonNumber("amount").intValue()).isZero();
    assertThat(quote.json().getInt("maxJobDuration")).isEqualTo(20);
    assertThat(quote.json().getJsonArray("resources")).isNotEmpty();
  }

  /** Starts the algorithm on the dataset, without parameters, as the consumer. */
  private String startPlain(String algorithm, String dataset) {
    return compute.start(
        consumer,
        ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset).build());
  }

  private void assertReason(JsonObject request, String reason) {
    CoveClient.Response response = compute.freeStart(consumer, request);
    assertThat(response.status()).as(response.body()).isBetween(400, 499);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().getString("reason")).as(response.body()).isEqualTo(reason);
  }

  private static JsonObject with(JsonObject body, String field, JsonValue value) {
    return Json.createObjectBuilder(body).add(field, value).build();
  }

  private static String statusOf(JsonObject entry) {
    JsonObject payload = entry.getJsonObject("payload");
    return payload.containsKey("status") ? String.valueOf(payload.getInt("status")) : "";
  }

  private static java.util.List<String> types(JsonObject job) {
    return job.getJsonArray("results").stream()
        .map(JsonObject.class::cast)
        .map(r -> r.getString("type"))
        .toList();
  }

  private String publishDataset(String csv) {
    String upload = cove.upload(publisherToken, "data.csv", csv.getBytes(UTF_8));
    JsonObject service = Ddos.computeServiceTrusting(upload, consumer.address());
    return cove.publish(publisherToken, Ddos.dataset("Data " + UUID.randomUUID(), service))
        .getString("id");
  }

  private String publishAlgorithm(String script, JsonValue consumerParameters) {
    String code = cove.upload(consumerToken, "algorithm.py", script.getBytes(UTF_8));
    JsonObject ddo = Ddos.algorithm("Algorithm", Ddos.service("compute", "compute", code));
    if (consumerParameters != null) {
      JsonObject metadata = ddo.getJsonObject("metadata");
      JsonObject algorithm =
          Json.createObjectBuilder(metadata.getJsonObject("algorithm"))
              .add("consumerParameters", consumerParameters)
              .build();
      ddo =
          Json.createObjectBuilder(ddo)
              .add("metadata", Json.createObjectBuilder(metadata).add("algorithm", algorithm))
              .build();
    }
    return cove.publish(consumerToken, ddo).getString("id");
  }

  private String publishAlgorithmBy(TestWallet author, String script) {
    String token = cove.signIn(author);
    String code = cove.upload(token, "algorithm.py", script.getBytes(UTF_8));
    return cove.publish(token, Ddos.algorithm("Other", Ddos.service("compute", "compute", code)))
        .getString("id");
  }

  private static JsonValue parameters() {
    return Json.createArrayBuilder()
        .add(parameter("label", "text", true, null))
        .add(parameter("scale", "number", false, "1"))
        .add(parameter("verbose", "boolean", false, "false"))
        .build();
  }

  private static JsonObject parameter(String name, String type, boolean required, String fallback) {
    var p =
        Json.createObjectBuilder()
            .add("name", name)
            .add("type", type)
            .add("label", name)
            .add("required", required)
            .add("description", "a test parameter");
    if (fallback != null) {
      p.add("default", fallback);
    }
    return p.build();
  }

  private String demoDid(String name) {
    JsonObject found = cove.get("/api/v1/assets?tag=demo&size=10").json();
    return found.getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(a -> a.getJsonObject("metadata").getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  /**
   * The consumer asks; the demo publisher (its key is in the test server's data directory)
   * approves.
   */
  private void approveAsDemoPublisher(String dataset, String algorithm) throws Exception {
    CoveClient.Response request =
        cove.json(
            "POST",
            "/api/v1/approvals",
            consumerToken,
            Json.createObjectBuilder()
                .add("datasetDid", dataset)
                .add("serviceId", "compute")
                .add("algorithmDid", algorithm)
                .add("justification", "summary statistics only")
                .build());
    assertThat(request.status()).as(request.body()).isEqualTo(201);
    String demoPublisherToken = cove.signIn(DemoData.publisher());
    CoveClient.Response approved =
        cove.post(
            "/api/v1/approvals/" + request.json().getString("id") + "/approve", demoPublisherToken);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
  }

  private JsonObject waitForAsset(String name) {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (true) {
      JsonObject found =
          cove.get("/api/v1/assets?text=" + CoveClient.encode(name) + "&size=5").json();
      var match =
          found.getJsonArray("items").stream()
              .map(JsonObject.class::cast)
              .filter(a -> a.getJsonObject("metadata").getString("name").equals(name))
              .findFirst();
      if (match.isPresent()) {
        return match.get();
      }
      assertThat(java.time.Instant.now()).as("%s was published", name).isBefore(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Ocean's input directories are named by the DID without its did:op: prefix. */
  private static String hex(String did) {
    return did.substring("did:op:".length());
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
