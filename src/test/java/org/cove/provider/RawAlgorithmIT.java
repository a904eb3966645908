package org.cove.provider;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.testing.ComputeClient.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer's pasted code through Ocean's compute start ({@code algorithm.meta.rawcode} with its
 * container) on the running WAR with the local engine: run where the dataset allows raw code,
 * refused with a problem naming the reason where it does not, stopped when its publisher switches
 * raw code off while it runs.
 */
class RawAlgorithmIT {

  static final String COUNT_LINES =
      """
      import json, os
      did = json.loads(os.environ["DIDS"])[0]
      lines = open(os.path.join(os.environ["INPUTS"], did, "0")).read().splitlines()
      print("pasted code read", len(lines), "lines")
      with open(os.path.join(os.environ["OUTPUTS"], "lines.txt"), "w") as out:
          out.write(str(len(lines)))
      """;

  static final CoveClient cove = new CoveClient();
  static final ComputeClient compute = new ComputeClient(cove);
  static String environment;

  String publisherToken;
  TestWallet consumer;
  String consumerToken;

  @BeforeAll
  static void environment() {
    environment = ComputeClient.environment(cove, "it-raw", ComputeClient.testEnvironment(20, 600));
  }

  @BeforeEach
  void accounts() {
    publisherToken = cove.signIn(TestWallet.random());
    consumer = TestWallet.random();
    consumerToken = cove.signIn(consumer);
  }

  @Test
  void a_dataset_that_allows_raw_code_runs_the_consumers_pasted_code() {
    String dataset = publishDataset(true);

    String jobId = compute.start(consumer, rawStart(dataset, COUNT_LINES));

    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(70);
    assertThat(job.getString("algoDID")).isEqualTo("raw");
    assertThat(compute.resultText(consumer, job, "output", "lines.txt")).isEqualTo("3");
    assertThat(compute.resultText(consumer, job, "algorithmLog", null))
        .contains("pasted code read 3 lines");
  }

  @Test
  void a_dataset_that_does_not_allow_raw_code_refuses_it_with_a_problem_naming_the_reason() {
    String dataset = publishDataset(false);

    CoveClient.Response refused = compute.freeStart(consumer, rawStart(dataset, COUNT_LINES));

    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getString("reason")).isEqualTo("no_raw_algo_allowed");
    assertThat(refused.json().getString("detail"))
        .contains("the dataset does not accept raw algorithms");
  }

  @Test
  void raw_code_without_its_code_or_container_is_bad_input() {
    String dataset = publishDataset(true);
    JsonObject noCode =
        rawStart(dataset, COUNT_LINES, meta -> Json.createObjectBuilder(meta).remove("rawcode"));
    JsonObject blankCode = rawStart(dataset, "  ");
    JsonObject noContainer =
        rawStart(dataset, COUNT_LINES, meta -> Json.createObjectBuilder(meta).remove("container"));

    for (JsonObject body : new JsonObject[] {noCode, blankCode, noContainer}) {
      CoveClient.Response response = compute.freeStart(consumer, body);
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().getString("detail")).contains("algorithm");
    }
  }

  @Test
  void switching_raw_code_off_stops_a_running_raw_job_with_the_reason() {
    String dataset = publishDataset(true);
    String jobId =
        compute.start(
            consumer,
            rawStart(
                dataset,
                """
                import os, time
                print("started", flush=True)
                while not os.path.exists(os.path.join(os.environ["OUTPUTS"], "never")):
                    time.sleep(0.1)
                """));
    compute.waitFor(consumerToken, consumer.address(), jobId, status(40), Duration.ofSeconds(60));

    CoveClient.Response narrowed =
        cove.json(
            "PUT",
            "/api/v1/assets/" + dataset + "/services/compute/compute",
            publisherToken,
            computeOptions(false));
    assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);

    JsonObject job =
        compute.waitFor(
            consumerToken,
            consumer.address(),
            jobId,
            j -> !j.isNull("dateFinished"),
            RevocationIT.STOPPED_WITHIN);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(44);
    assertThat(job.getString("message"))
        .isEqualTo("no longer allowed to run: the dataset does not accept raw algorithms");
  }

  // --- helpers ---

  private String publishDataset(boolean allowRaw) {
    String data = cove.upload(publisherToken, "data.csv", "a\n1\n2\n".getBytes(UTF_8));
    JsonObject service =
        Json.createObjectBuilder(Ddos.service("compute", "compute", data))
            .add("compute", computeOptions(allowRaw))
            .build();
    return cove.publish(publisherToken, Ddos.dataset("Data " + UUID.randomUUID(), service))
        .getString("id");
  }

  private static JsonObject computeOptions(boolean allowRaw) {
    return Json.createObjectBuilder()
        .add("allowRawAlgorithm", allowRaw)
        .add("allowNetworkAccess", false)
        .add("publisherTrustedAlgorithms", Json.createArrayBuilder())
        .add("publisherTrustedAlgorithmPublishers", Json.createArrayBuilder())
        .build();
  }

  private static JsonObject rawStart(String dataset, String code) {
    return rawStart(dataset, code, meta -> Json.createObjectBuilder(meta));
  }

  /** Ocean's start body with raw code, its {@code meta} changed by {@code edit}. */
  private static JsonObject rawStart(
      String dataset,
      String code,
      java.util.function.Function<JsonObject, jakarta.json.JsonObjectBuilder> edit) {
    JsonObject meta =
        Json.createObjectBuilder()
            .add("rawcode", code)
            .add(
                "container",
                Json.createObjectBuilder()
                    .add("entrypoint", "python3 $ALGO")
                    .add("image", "python")
                    .add("tag", "3.12-slim")
                    .add("checksum", Ddos.IMAGE_CHECKSUM))
            .build();
    return Json.createObjectBuilder()
        .add("environment", environment)
        .add(
            "datasets",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("documentId", dataset)
                        .add("serviceId", "compute")))
        .add("algorithm", Json.createObjectBuilder().add("meta", edit.apply(meta)))
        .build();
  }
}
