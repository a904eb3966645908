package org.cove.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Drives Cove's Ocean-compatible compute endpoints the way Ocean's clients do: requests signed over
 * consumerAddress + nonce + command with the next nonce, status with a bearer token.
 */
public final class ComputeClient {

  public static final String SERVICES = "/api/services";

  private final CoveClient cove;

  public ComputeClient(CoveClient cove) {
    this.cove = cove;
  }

  public long nextNonce(TestWallet wallet) {
    return cove.get(SERVICES + "/nonce?userAddress=" + wallet.address())
            .json()
            .getJsonNumber("nonce")
            .longValue()
        + 1;
  }

  /** The start body ocean.js sends, signed for {@code command}. */
  public JsonObject signed(TestWallet wallet, String command, JsonObject body) {
    String nonce = String.valueOf(nextNonce(wallet));
    return Json.createObjectBuilder(body)
        .add("consumerAddress", wallet.address())
        .add("nonce", nonce)
        .add("signature", wallet.signRequest(nonce, command))
        .build();
  }

  public CoveClient.Response freeStart(TestWallet wallet, JsonObject body) {
    return cove.postJson(SERVICES + "/freeCompute", signed(wallet, "freeStartCompute", body));
  }

  /** Starts a free job and returns its id, failing with Cove's answer if it was refused. */
  public String start(TestWallet wallet, JsonObject body) {
    CoveClient.Response response = freeStart(wallet, body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.jsonValue().asJsonArray().getJsonObject(0).getString("jobId");
  }

  /** A paid start (startCompute) with the consumer's bearer token rather than a signature. */
  public CoveClient.Response paidStart(String token, JsonObject body) {
    return cove.json("POST", SERVICES + "/compute", token, body);
  }

  public CoveClient.Response initialize(JsonObject body) {
    return cove.postJson(SERVICES + "/initializeCompute", body);
  }

  public CoveClient.Response status(String token, String address, String jobId) {
    return cove.get(SERVICES + "/compute?consumerAddress=" + address + "&jobId=" + jobId, token);
  }

  public JsonObject job(String token, String address, String jobId) {
    CoveClient.Response response = status(token, address, jobId);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonArray jobs = response.jsonValue().asJsonArray();
    assertThat(jobs).hasSize(1);
    return jobs.getJsonObject(0);
  }

  /** Polls the job's status until it satisfies {@code until}; fails after {@code within}. */
  public JsonObject waitFor(
      String token, String address, String jobId, Predicate<JsonObject> until, Duration within) {
    Instant deadline = Instant.now().plus(within);
    JsonObject job = job(token, address, jobId);
    while (!until.test(job)) {
      assertThat(Instant.now())
          .as("job %s reached the expected state within %s; last seen %s", jobId, within, job)
          .isBefore(deadline);
      pause();
      job = job(token, address, jobId);
    }
    return job;
  }

  public JsonObject waitForEnd(String token, String address, String jobId) {
    return waitFor(token, address, jobId, j -> !j.isNull("dateFinished"), Duration.ofSeconds(90));
  }

  public static Predicate<JsonObject> status(int code) {
    return job -> job.getInt("status") == code;
  }

  public CoveClient.Response stop(TestWallet wallet, String jobId) {
    String nonce = String.valueOf(nextNonce(wallet));
    return cove.send(
        cove.request(
                SERVICES
                    + "/compute?consumerAddress="
                    + wallet.address()
                    + "&nonce="
                    + nonce
                    + "&signature="
                    + wallet.signRequest(nonce, "stopCompute")
                    + "&jobId="
                    + jobId)
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * The first line the job's algorithm writes, read from its live log: waits until the algorithm is
   * really under way (status 40 alone says its process was started, not that it has run).
   */
  public String firstLogLine(TestWallet wallet, String jobId) {
    String nonce = String.valueOf(nextNonce(wallet));
    HttpRequest request =
        cove.request(
                SERVICES
                    + "/computeStreamableLogs?jobId="
                    + jobId
                    + "&consumerAddress="
                    + wallet.address()
                    + "&nonce="
                    + nonce
                    + "&signature="
                    + wallet.signRequest(nonce, "getComputeStreamableLogs"))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    try {
      HttpResponse<InputStream> stream =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(stream.statusCode()).isEqualTo(200);
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        return lines.readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> result(TestWallet wallet, String jobId, int index) {
    String nonce = String.valueOf(nextNonce(wallet));
    return cove.getBytes(
        SERVICES
            + "/computeResult?consumerAddress="
            + wallet.address()
            + "&jobId="
            + jobId
            + "&index="
            + index
            + "&nonce="
            + nonce
            + "&signature="
            + wallet.signRequest(nonce, "getComputeResult"));
  }

  /** The content of the job's result of this type (and file name, for outputs). */
  public String resultText(TestWallet wallet, JsonObject job, String type, String filename) {
    JsonObject result =
        job.getJsonArray("results").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("type").equals(type))
            .filter(r -> filename == null || r.getString("filename").equals(filename))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + type + " " + filename + " in " + job));
    HttpResponse<byte[]> response = result(wallet, job.getString("jobId"), result.getInt("index"));
    assertThat(response.statusCode()).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A compute request body in ocean.js's shape. */
  public static JsonObjectBuilder body(
      String environment, String algorithmDid, JsonObject customData, String... datasetDids) {
    var datasets = Json.createArrayBuilder();
    for (String did : datasetDids) {
      datasets.add(Json.createObjectBuilder().add("documentId", did).add("serviceId", "compute"));
    }
    return Json.createObjectBuilder()
        .add("environment", environment)
        .add("datasets", datasets)
        .add(
            "algorithm",
            Json.createObjectBuilder()
                .add("documentId", algorithmDid)
                .add("serviceId", "compute")
                .add("algocustomdata", customData));
  }

  /** Creates (or replaces) an environment as the test server's admin; returns its id. */
  public static String environment(CoveClient cove, String id, JsonObject definition) {
    String adminToken = cove.signIn(TestWallet.of(System.getProperty("cove.it.admin.key")));
    CoveClient.Response response =
        cove.json("PUT", "/api/v1/environments/" + id, adminToken, definition);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return id;
  }

  /** A free environment for tests: generous job slots, small limits, short jobs. */
  public static JsonObject testEnvironment(int maxJobs, long maxJobDuration) {
    var resources =
        Json.createArrayBuilder()
            .add(resource("cpu", 1, 1, 2))
            .add(resource("ram", 1, 0.25, 1))
            .add(resource("disk", 0.01, 0.001, 0.05));
    return Json.createObjectBuilder()
        .add("description", "for tests")
        .add("maxJobs", maxJobs)
        .add("minJobDuration", 1)
        .add("maxJobDuration", maxJobDuration)
        .add("storageExpiry", 3600)
        .add("resources", resources)
        .add(
            "free",
            Json.createObjectBuilder()
                .add("maxJobs", maxJobs)
                .add("maxJobDuration", maxJobDuration)
                .add("minJobDuration", 1))
        .build();
  }

  private static JsonObject resource(String id, double total, double min, double max) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("total", Math.max(total, max))
        .add("min", min)
        .add("max", max)
        .build();
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
