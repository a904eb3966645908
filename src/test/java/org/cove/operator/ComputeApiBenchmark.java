package org.cove.operator;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.TestWallet;

/**
 * Compute figures against a running Cove (the URL is the first argument; the admin key comes from
 * {@code -Dcove.it.admin.key}, as for the ITs): the local engine's overhead for a no-op algorithm
 * (start accepted to status 70), the start API's latency with 20 concurrent clients, and the status
 * API's latency at a paced 200 requests per second. Prints medians and percentiles; asserts
 * nothing.
 */
public final class ComputeApiBenchmark {

  private static final String NO_OP = "pass\n";

  /** Starts each of the 20 clients sends per round. */
  private static final int STARTS_PER_CLIENT = 10;

  /** Lines per client and round: one more than it sends (wrk skips one, see starts.lua). */
  private static final int LINES_PER_ROUND = STARTS_PER_CLIENT + 1;

  public static void main(String[] args) throws Exception {
    CoveClient cove = new CoveClient(args.length > 0 ? args[0] : "http://localhost:9080");
    ComputeClient compute = new ComputeClient(cove);
    String environment =
        ComputeClient.environment(cove, "benchmark", ComputeClient.testEnvironment(500, 60));
    TestWallet consumer = TestWallet.random();
    String consumerToken = cove.signIn(consumer);
    String publisherToken = cove.signIn(TestWallet.random());
    String dataset = dataset(cove, publisherToken, consumer);
    String algorithm = noOp(cove, consumerToken);
    JsonObject request =
        ComputeClient.body(environment, algorithm, JsonValue.EMPTY_JSON_OBJECT, dataset).build();

    engineOverhead(compute, consumer, consumerToken, request);
    sequentialStarts(cove, compute, consumer, request);
    awaitQuiet(cove);
    startLatency(cove, compute, publisherToken, dataset, environment);
    awaitQuiet(cove);
    statusLatency(cove, compute, consumer, consumerToken, request);
    System.exit(0); // the HTTP clients' pools would keep the JVM alive
  }

  /** Start accepted → 70 for a no-op, one job at a time; polling every 10 ms bounds the error. */
  private static void engineOverhead(
      ComputeClient compute, TestWallet consumer, String token, JsonObject request) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String jobId = compute.start(consumer, request);
      long started = System.nanoTime();
      JsonObject job = compute.job(token, consumer.address(), jobId);
      while (job.isNull("dateFinished")) {
        pause(10);
        job = compute.job(token, consumer.address(), jobId);
      }
      double elapsed = (System.nanoTime() - started) / 1e6;
      if (job.getInt("status") != 70) {
        throw new IllegalStateException("the no-op job ended " + job);
      }
      if (i >= 3) {
        millis.add(elapsed);
      }
    }
    report("no-op job, start accepted -> 70", millis);
  }

  /** One client starting 50 jobs one after the other: the start's own cost, without contention. */
  private static void sequentialStarts(
      CoveClient cove, ComputeClient compute, TestWallet consumer, JsonObject request) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      JsonObject signed = compute.signed(consumer, "freeStartCompute", request);
      long started = System.nanoTime();
      CoveClient.Response response = cove.postJson("/api/services/freeCompute", signed);
      double elapsed = (System.nanoTime() - started) / 1e6;
      if (response.status() != 200) {
        throw new IllegalStateException(response.body());
      }
      if (i >= 5) {
        millis.add(elapsed);
      }
    }
    report("start API, one client", millis);
  }

  /** Waits until the engine runs no job, so the next figure is not taken under their load. */
  private static void awaitQuiet(CoveClient cove) {
    while (true) {
      JsonObject env =
          cove.get("/api/v1/environments").jsonValue().asJsonArray().stream()
              .map(JsonObject.class::cast)
              .filter(e -> e.getString("id").equals("benchmark"))
              .findFirst()
              .orElseThrow();
      if (env.getInt("runningJobs") == 0) {
        return;
      }
      pause(200);
    }
  }

  /**
   * 20 clients, each with its own account, each starting 10 jobs as fast as answers come: once
   * unmeasured, then measured. The first round is the JIT's: on a server started for the benchmark,
   * this path ran only ~80 times before it (the one-client phases), and a run's figure depended on
   * which methods C2 happened to compile during it (the compiler threads took a third of the
   * server's CPU in one round, a fifteenth in the next). A running server's starts are what the bar
   * is about.
   */
  private static void startLatency(
      CoveClient cove,
      ComputeClient compute,
      String publisherToken,
      String dataset,
      String environment)
      throws Exception {
    int clients = 20;
    List<TestWallet> wallets = new ArrayList<>();
    List<JsonObject> requests = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      TestWallet wallet = TestWallet.random();
      String token = cove.signIn(wallet);
      String own = dataset(cove, publisherToken, wallet);
      wallets.add(wallet);
      requests.add(
          ComputeClient.body(environment, noOp(cove, token), JsonValue.EMPTY_JSON_OBJECT, own)
              .build());
    }
    // wrk sends them (Debian's wrk: a C client whose CPU hardly counts), each client's ten (and a
    // spare, see starts.lua) per round signed before the first round starts: on these 2 cores, JDK
    // HttpClients signing with secp256k1 between requests took about as much CPU as the server, and
    // when the signing came right before a round, this JVM's compiler threads were still busy with
    // it during the round (0.2 s of CPU in its first second).
    Path warmUp = Files.createTempDirectory("cove-starts");
    Path measured = Files.createTempDirectory("cove-starts");
    for (int c = 0; c < clients; c++) {
      List<String> lines =
          signedInOrder(compute, wallets.get(c), requests.get(c), 2 * LINES_PER_ROUND).stream()
              .map(JsonObject::toString)
              .toList();
      Files.write(warmUp.resolve("client-" + c + ".json"), lines.subList(0, LINES_PER_ROUND));
      Files.write(
          measured.resolve("client-" + c + ".json"), lines.subList(LINES_PER_ROUND, lines.size()));
    }
    startRound(cove, warmUp, clients);
    awaitQuiet(cove);
    System.out.println(
        "start API, 20 concurrent clients (wrk): " + startRound(cove, measured, clients));
  }

  /** One round of 10 starts per client, sent by wrk from the bodies in {@code bodies}. */
  private static String startRound(CoveClient cove, Path bodies, int clients) throws Exception {
    Path script = bodies.resolve("starts.lua");
    try (InputStream lua = ComputeApiBenchmark.class.getResourceAsStream("/benchmark/starts.lua")) {
      Files.copy(lua, script);
    }
    String[] command = {
      "wrk",
      "-t",
      "20",
      "-c",
      "20",
      "-d",
      "15s",
      "--timeout",
      "10s",
      "-s",
      script.toString(),
      cove.baseUrl(),
      "--",
      bodies.toString()
    };
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), UTF_8);
    wrk.waitFor();
    String figures =
        output
            .lines()
            .filter(line -> line.startsWith("starts: "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("wrk said: " + output));
    if (!figures.contains("requests=" + clients * STARTS_PER_CLIENT + " failed=0 (")) {
      throw new IllegalStateException("not every start was accepted once: " + output);
    }
    return figures.substring(8);
  }

  /** After a warm-up, one request every 5 ms for 15 s, whatever the answers' pace (open loop). */
  private static void statusLatency(
      CoveClient cove, ComputeClient compute, TestWallet consumer, String token, JsonObject request)
      throws Exception {
    String jobId = compute.start(consumer, request);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16))
            .build();
    HttpRequest status =
        cove.request(
                "/api/services/compute?consumerAddress=" + consumer.address() + "&jobId=" + jobId)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    // Warm-up, unmeasured: the status path runs nowhere else in this benchmark, and on a server
    // started for it the JIT was still compiling that path during the measured 15 s (a running
    // server's status answers are what the bar is about).
    for (int i = 0; i < 3000; i++) {
      http.send(status, HttpResponse.BodyHandlers.discarding());
    }
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<?>> sent = new ArrayList<>();
    long period = TimeUnit.MILLISECONDS.toNanos(5);
    long start = System.nanoTime();
    for (int i = 0; i < 3000; i++) {
      long due = start + i * period;
      // Parked, not spinning: a spinning sender takes one of the 2 cores from the server.
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      sent.add(
          http.sendAsync(status, HttpResponse.BodyHandlers.discarding())
              .thenAccept(
                  r -> {
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException("status answered " + r.statusCode());
                    }
                    millis.add((System.nanoTime() - due) / 1e6);
                  }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("status API: %d requests in %.1f s%n", millis.size(), seconds);
    report("status API at 200 requests/s", millis);
  }

  /** {@code count} start bodies signed with the wallet's next nonces, to be sent in this order. */
  private static List<JsonObject> signedInOrder(
      ComputeClient compute, TestWallet wallet, JsonObject request, int count) {
    long first = compute.nextNonce(wallet);
    List<JsonObject> signed = new ArrayList<>();
    for (long nonce = first; nonce < first + count; nonce++) {
      signed.add(
          Json.createObjectBuilder(request)
              .add("consumerAddress", wallet.address())
              .add("nonce", String.valueOf(nonce))
              .add("signature", wallet.signRequest(String.valueOf(nonce), "freeStartCompute"))
              .build());
    }
    return signed;
  }

  private static String dataset(CoveClient cove, String publisherToken, TestWallet consumer) {
    String upload = cove.upload(publisherToken, "data.csv", "a\n1\n".getBytes(UTF_8));
    JsonObject service = Ddos.computeServiceTrusting(upload, consumer.address());
    return cove.publish(publisherToken, Ddos.dataset("Benchmark data", service)).getString("id");
  }

  private static String noOp(CoveClient cove, String token) {
    String code = cove.upload(token, "noop.py", NO_OP.getBytes(UTF_8));
    return cove.publish(token, Ddos.algorithm("No-op", Ddos.service("compute", "compute", code)))
        .getString("id");
  }

  private static void report(String what, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
        what,
        sorted.size(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  private static double percentile(List<Double> sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ComputeApiBenchmark() {}
}
