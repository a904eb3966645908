package org.cove.provider;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.LocalChain;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prices paid on a real local chain (ganache, with real ERC-20 contracts): quotes from
 * initializeCompute and the download initialize, jobs and downloads that start only after a valid
 * payment, and every refusal produced by a real transaction.
 */
class PaymentIT {

  static final String ALGORITHM = "print('paid for')\n";

  static final CoveClient cove = new CoveClient();
  static final ComputeClient compute = new ComputeClient(cove);
  static LocalChain chain;
  static String freeEnvironment;
  static String nativeEnvironment;
  static String tokenEnvironment;
  static String feeAddress = System.getProperty("cove.it.fee.address");

  TestWallet publisher;
  String publisherToken;
  TestWallet consumer;
  String consumerToken;

  @BeforeAll
  static void chainAndEnvironments() {
    chain = LocalChain.shared();
    freeEnvironment =
        ComputeClient.environment(cove, "it-pay-free", ComputeClient.testEnvironment(40, 30));
    nativeEnvironment =
        ComputeClient.environment(cove, "it-pay-native", pricedEnvironment("native", "0.01"));
    tokenEnvironment =
        ComputeClient.environment(cove, "it-pay-token", pricedEnvironment(chain.token(), "0.2"));
  }

  @BeforeEach
  void accounts() {
    publisher = TestWallet.random();
    publisherToken = cove.signIn(publisher);
    consumer = TestWallet.random();
    consumerToken = cove.signIn(consumer);
    chain.fund(consumer);
  }

  @Test
  void native_coin_pays_for_a_dataset_an_algorithm_and_an_environment_and_the_job_runs() {
    String algorithm = publishAlgorithm(price("0.25", null));
    String dataset = publishDataset(price("0.5", null));
    JsonObject body = ComputeClient.body(nativeEnvironment, algorithm, empty(), dataset).build();

    Map<String, JsonObject> quotes = quotes(body);
    assertThat(quotes)
        .containsOnlyKeys(
            dataset + "/compute", algorithm + "/compute", "environment/" + nativeEnvironment);
    assertQuote(
        quotes.get(dataset + "/compute"),
        publisher.address(),
        "native",
        "0.5",
        "500000000000000000");
    assertQuote(
        quotes.get(algorithm + "/compute"),
        publisher.address(),
        "native",
        "0.25",
        "250000000000000000");
    // cpu 1 × 0.01 per minute, 30 s rounded up to one whole minute
    assertQuote(
        quotes.get("environment/" + nativeEnvironment),
        feeAddress,
        "native",
        "0.01",
        "10000000000000000");

    CoveClient.Response unpaid = compute.paidStart(consumerToken, body);
    assertRefused(unpaid, 402, "payment_required");

    String datasetTx = payNative(quotes.get(dataset + "/compute"));
    String algorithmTx = payNative(quotes.get(algorithm + "/compute"));
    String environmentTx = payNative(quotes.get("environment/" + nativeEnvironment));
    chain.mine(1);

    CoveClient.Response started =
        compute.paidStart(consumerToken, withPayments(body, datasetTx, algorithmTx, environmentTx));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String jobId = started.jsonValue().asJsonArray().getJsonObject(0).getString("jobId");
    JsonObject job = compute.waitForEnd(consumerToken, consumer.address(), jobId);
    assertThat(job.getInt("status")).as(job.toString()).isEqualTo(70);

    String ledger = cove.get("/api/v1/ledger?subject=" + dataset, publisherToken).body();
    assertThat(ledger).contains("payment-received", datasetTx);
  }

  @Test
  void an_erc20_token_pays_for_a_dataset_an_algorithm_and_an_environment_and_the_job_runs() {
    String algorithm = publishAlgorithm(price("1.5", chain.token()));
    String dataset = publishDataset(price("2.5", chain.token()));
    JsonObject body = ComputeClient.body(tokenEnvironment, algorithm, empty(), dataset).build();

    Map<String, JsonObject> quotes = quotes(body);
    assertQuote(
        quotes.get(dataset + "/compute"), publisher.address(), chain.token(), "2.5", "2500000");
    assertQuote(
        quotes.get(algorithm + "/compute"), publisher.address(), chain.token(), "1.5", "1500000");
    assertQuote(
        quotes.get("environment/" + tokenEnvironment), feeAddress, chain.token(), "0.2", "200000");
    BigInteger before = chain.tokenBalance(chain.token(), publisher.address());

    String datasetTx = payToken(quotes.get(dataset + "/compute"));
    String algorithmTx = payToken(quotes.get(algorithm + "/compute"));
    String environmentTx = payToken(quotes.get("environment/" + tokenEnvironment));
    chain.mine(1);

    CoveClient.Response started =
        compute.paidStart(consumerToken, withPayments(body, datasetTx, algorithmTx, environmentTx));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String jobId = started.jsonValue().asJsonArray().getJsonObject(0).getString("jobId");
    assertThat(compute.waitForEnd(consumerToken, consumer.address(), jobId).getInt("status"))
        .isEqualTo(70);
    assertThat(chain.tokenBalance(chain.token(), publisher.address()).subtract(before))
        .isEqualTo(BigInteger.valueOf(4_000_000));
  }

  @Test
  void every_refusal_comes_from_a_real_transaction() {
    String dataset = publishDataset(price("1", chain.token()));
    String algorithm = publishAlgorithm(null);
    JsonObject body = ComputeClient.body(freeEnvironment, algorithm, empty(), dataset).build();
    JsonObject quote = quotes(body).get(dataset + "/compute");
    BigInteger due = new BigInteger(quote.getString("units"));
    String payee = publisher.address();

    String underpaid = chain.payToken(consumer, chain.token(), payee, due.subtract(BigInteger.ONE));
    String wrongPayee = chain.payToken(consumer, chain.token(), TestWallet.random().address(), due);
    String wrongToken = chain.payToken(consumer, chain.otherToken(), payee, due);
    String nativeInstead = chain.payNative(consumer, payee, due);
    TestWallet stranger = TestWallet.random();
    chain.fund(stranger);
    String fromStranger = chain.payToken(stranger, chain.token(), payee, due);
    chain.mine(1);

    assertRefused(start(body, underpaid), 402, "payment_insufficient");
    assertRefused(start(body, wrongPayee), 402, "payment_wrong_payee");
    assertRefused(start(body, wrongToken), 402, "payment_insufficient");
    assertRefused(start(body, nativeInstead), 402, "payment_insufficient");
    assertRefused(start(body, fromStranger), 402, "payment_not_found");
    assertRefused(start(body, "0x" + "ab".repeat(32)), 402, "payment_not_found");

    String unconfirmed = chain.payToken(consumer, chain.token(), payee, due);
    CoveClient.Response pending = start(body, unconfirmed);
    assertRefused(pending, 402, "payment_pending");
    assertThat(pending.header("Retry-After")).isNotBlank();
    chain.mine(1);
    CoveClient.Response accepted = start(body, unconfirmed);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

    assertRefused(start(body, unconfirmed), 402, "payment_reused");
  }

  @Test
  void a_payment_mined_outside_the_quotes_validity_is_expired() {
    String dataset = publishDataset(price("1", chain.token()));
    String algorithm = publishAlgorithm(null);
    JsonObject body = ComputeClient.body(freeEnvironment, algorithm, empty(), dataset).build();
    BigInteger due = LocalChain.units("1", 6);

    String beforeAnyQuote;
    try {
      chain.setTime(Instant.now().minusSeconds(60));
      beforeAnyQuote = chain.payToken(consumer, chain.token(), publisher.address(), due);
    } finally {
      chain.setTime(Instant.now());
    }
    JsonObject quote = quotes(body).get(dataset + "/compute");
    Instant validUntil = Instant.ofEpochSecond(quote.getJsonNumber("validUntil").longValue());
    String late;
    try {
      chain.setTime(validUntil.plusSeconds(60));
      late = chain.payToken(consumer, chain.token(), publisher.address(), due);
    } finally {
      chain.setTime(Instant.now());
    }
    chain.mine(1);

    assertRefused(start(body, beforeAnyQuote), 402, "payment_expired");
    assertRefused(start(body, late), 402, "payment_expired");
  }

  @Test
  void twenty_concurrent_uses_of_one_payment_start_exactly_one_job() throws Exception {
    String dataset = publishDataset(price("1", chain.token()));
    String algorithm = publishAlgorithm(null);
    JsonObject body = ComputeClient.body(freeEnvironment, algorithm, empty(), dataset).build();
    String tx = payToken(quotes(body).get(dataset + "/compute"));
    chain.mine(1);

    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<CoveClient.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Callable<CoveClient.Response> attempt = () -> start(body, tx);
        answers.add(pool.submit(attempt));
      }
      List<CoveClient.Response> responses = new ArrayList<>();
      for (Future<CoveClient.Response> answer : answers) {
        responses.add(answer.get());
      }
      Map<Integer, Long> byStatus =
          responses.stream()
              .collect(Collectors.groupingBy(CoveClient.Response::status, Collectors.counting()));
      assertThat(byStatus)
          .as(responses.stream().map(CoveClient.Response::body).toList().toString())
          .containsEntry(200, 1L)
          .containsEntry(402, 19L);
      responses.stream()
          .filter(r -> r.status() == 402)
          .forEach(r -> assertThat(r.json().getString("reason")).isEqualTo("payment_reused"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(compute.status(consumerToken, consumer.address(), "").jsonValue().asJsonArray())
        .hasSize(1);
  }

  @Test
  void a_priced_download_is_quoted_paid_and_each_payment_downloads_once() {
    String upload = cove.upload(publisherToken, "priced.csv", "a,b\n1,2\n".getBytes(UTF_8));
    JsonObject service =
        Json.createObjectBuilder(Ddos.service("access", "access", upload))
            .add("price", price("0.75", chain.token()))
            .build();
    String did = cove.publish(publisherToken, Ddos.dataset("Priced file", service)).getString("id");

    CoveClient.Response init =
        cove.get(
            "/api/services/initialize?documentId="
                + did
                + "&serviceId=access&consumerAddress="
                + consumer.address());
    assertThat(init.status()).as(init.body()).isEqualTo(200);
    JsonObject quote = init.json().getJsonObject("payment");
    assertQuote(quote, publisher.address(), chain.token(), "0.75", "750000");
    assertRefused(download(did, null), 402, "payment_required");

    String tx = payToken(quote);
    chain.mine(1);
    CoveClient.Response paid = download(did, tx);
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(paid.body()).isEqualTo("a,b\n1,2\n");
    assertRefused(download(did, tx), 402, "payment_reused");
  }

  @Test
  void one_consumer_cannot_have_more_unexpired_quotes_than_the_limit() {
    int limit = Integer.parseInt(System.getProperty("cove.it.quote.limit"));
    String upload = cove.upload(publisherToken, "quoted.csv", "q\n".getBytes(UTF_8));
    JsonObject service =
        Json.createObjectBuilder(Ddos.service("access", "access", upload))
            .add("price", price("0.1", null))
            .build();
    String did = cove.publish(publisherToken, Ddos.dataset("Quoted", service)).getString("id");
    String path =
        "/api/services/initialize?documentId=" + did + "&serviceId=access&consumerAddress=";

    for (int i = 0; i < limit; i++) {
      CoveClient.Response init = cove.get(path + consumer.address());
      assertThat(init.status()).as("quote " + i + ": " + init.body()).isEqualTo(200);
    }
    CoveClient.Response refused = cove.get(path + consumer.address());

    assertRefused(refused, 429, "quote_limit");
    assertThat(refused.json().getString("type")).isEqualTo("urn:cove:problem:too-many-quotes");
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 600L);
    // Another consumer is not held back by this one.
    assertThat(cove.get(path + TestWallet.random().address()).status()).isEqualTo(200);
  }

  @Test
  void with_the_chain_node_away_nothing_starts_and_after_its_restart_the_same_payment_works() {
    String dataset = publishDataset(price("1", chain.token()));
    String algorithm = publishAlgorithm(null);
    JsonObject body = ComputeClient.body(freeEnvironment, algorithm, empty(), dataset).build();
    String tx = payToken(quotes(body).get(dataset + "/compute"));
    chain.mine(1);

    chain.stop();
    try {
      CoveClient.Response away = start(body, tx);
      assertThat(away.status()).as(away.body()).isEqualTo(503);
      assertThat(away.contentType()).startsWith("application/problem+json");
      assertThat(away.header("Retry-After")).isNotBlank();
      assertThat(away.body()).doesNotContain("127.0.0.1", "Exception");
      assertThat(jobs()).isEmpty();

      // A node on another chain where the configured one should be: its payments are refused.
      chain.startOtherChain(1337);
      try {
        chain.fundNative(consumer.address());
        String elsewhere =
            chain.payNative(consumer, publisher.address(), LocalChain.units("1", 18));
        chain.mine(1);
        assertRefused(start(body, elsewhere), 402, "payment_wrong_chain");
      } finally {
        chain.stop();
      }
    } finally {
      chain.start();
    }

    assertThat(jobs()).isEmpty();
    CoveClient.Response started = start(body, tx);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(jobs()).hasSize(1);
  }

  private List<JsonObject> jobs() {
    return compute
        .status(consumerToken, consumer.address(), "")
        .jsonValue()
        .asJsonArray()
        .getValuesAs(JsonObject.class);
  }

  // --- helpers

  static JsonObject pricedEnvironment(String token, String cpuPerMinute) {
    JsonObject base = ComputeClient.testEnvironment(40, 30);
    var fee =
        Json.createObjectBuilder()
            .add(
                "feeToken",
                token.equals("native") ? "0x0000000000000000000000000000000000000000" : token)
            .add(
                "prices",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", "cpu")
                            .add("price", new java.math.BigDecimal(cpuPerMinute))));
    var json = Json.createObjectBuilder(base).remove("free");
    json.add(
        "fees",
        Json.createObjectBuilder()
            .add(String.valueOf(LocalChain.CHAIN_ID), Json.createArrayBuilder().add(fee)));
    return json.build();
  }

  static JsonObject price(String amount, String token) {
    var price = Json.createObjectBuilder().add("amount", amount);
    if (token != null) {
      price.add("token", token);
    }
    return price.build();
  }

  static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  String publishAlgorithm(JsonObject price) {
    String upload = cove.upload(publisherToken, "paid.py", ALGORITHM.getBytes(UTF_8));
    var service = Json.createObjectBuilder(Ddos.service("compute", "compute", upload));
    if (price != null) {
      service.add("price", price);
    }
    return cove.publish(publisherToken, Ddos.algorithm("Paid algorithm", service.build()))
        .getString("id");
  }

  String publishDataset(JsonObject price) {
    String upload = cove.upload(publisherToken, "data.csv", "x\n1\n".getBytes(UTF_8));
    var service =
        Json.createObjectBuilder(Ddos.computeServiceTrusting(upload, publisher.address()));
    if (price != null) {
      service.add("price", price);
    }
    return cove.publish(publisherToken, Ddos.dataset("Paid data", service.build())).getString("id");
  }

  Map<String, JsonObject> quotes(JsonObject body) {
    CoveClient.Response init =
        compute.initialize(
            Json.createObjectBuilder(body).add("consumerAddress", consumer.address()).build());
    assertThat(init.status()).as(init.body()).isEqualTo(200);
    return init.json().getJsonArray("payments").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(q -> q.getString("item"), Function.identity()));
  }

  static void assertQuote(
      JsonObject quote, String payee, String token, String amount, String units) {
    assertThat(quote).as("a quote").isNotNull();
    assertThat(quote.getString("payee")).isEqualToIgnoringCase(payee);
    assertThat(quote.getString("token")).isEqualToIgnoringCase(token);
    assertThat(quote.getJsonNumber("chainId").longValue()).isEqualTo(LocalChain.CHAIN_ID);
    assertThat(new java.math.BigDecimal(quote.getString("amount")))
        .isEqualByComparingTo(new java.math.BigDecimal(amount));
    assertThat(quote.getString("units")).isEqualTo(units);
    assertThat(quote.getJsonNumber("validUntil").longValue())
        .isGreaterThan(Instant.now().getEpochSecond());
  }

  String payNative(JsonObject quote) {
    return chain.payNative(
        consumer, quote.getString("payee"), new BigInteger(quote.getString("units")));
  }

  String payToken(JsonObject quote) {
    return chain.payToken(
        consumer,
        quote.getString("token"),
        quote.getString("payee"),
        new BigInteger(quote.getString("units")));
  }

  /** The body with the dataset's, the algorithm's and the environment's transactions named. */
  static JsonObject withPayments(
      JsonObject body, String datasetTx, String algorithmTx, String environmentTx) {
    var json = Json.createObjectBuilder(body);
    var datasets = Json.createArrayBuilder();
    body.getJsonArray("datasets").getValuesAs(JsonObject.class).stream()
        .map(d -> Json.createObjectBuilder(d).add("transferTxId", datasetTx))
        .forEach(datasets::add);
    json.add("datasets", datasets);
    if (algorithmTx != null) {
      json.add(
          "algorithm",
          Json.createObjectBuilder(body.getJsonObject("algorithm"))
              .add("transferTxId", algorithmTx));
    }
    if (environmentTx != null) {
      json.add("payment", Json.createObjectBuilder().add("transferTxId", environmentTx));
    }
    return json.build();
  }

  CoveClient.Response start(JsonObject body, String datasetTx) {
    return compute.paidStart(consumerToken, withPayments(body, datasetTx, null, null));
  }

  CoveClient.Response download(String did, String tx) {
    return cove.get(
        "/api/services/download?documentId="
            + did
            + "&serviceId=access&fileIndex=0"
            + (tx == null ? "" : "&transferTxId=" + tx),
        consumerToken);
  }

  static void assertRefused(CoveClient.Response response, int status, String reason) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().getString("reason")).as(response.body()).isEqualTo(reason);
    assertThat(response.body()).doesNotContain("Exception", "at org.", "/work/");
  }
}
