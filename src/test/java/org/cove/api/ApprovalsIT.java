package org.cove.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cove.shared.Hashes;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.Ddos;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer asks a publisher to allow an algorithm on a private dataset; the publisher reads the
 * code and decides; approvals pin the reviewed checksums, so a code change voids them.
 */
class ApprovalsIT {

  private static final String SCRIPT_V1 = "print('mean of every column')\n";
  private static final String SCRIPT_V2 = "print('mean of every column')\nprint('and more')\n";
  private static final int PARALLEL = 50;
  private static final int ROUNDS = 3;

  private final CoveClient cove = new CoveClient();
  private TestWallet consumer;
  private String publisherToken;
  private String consumerToken;
  private String datasetDid;
  private String algorithmDid;

  @BeforeEach
  void publishDatasetAndAlgorithm() {
    publisherToken = cove.signIn(TestWallet.random());
    consumer = TestWallet.random();
    consumerToken = cove.signIn(consumer);
    String data = cove.upload(publisherToken, "data.csv", "a,b\n1,2\n".getBytes(UTF_8));
    datasetDid =
        cove.publish(
                publisherToken,
                Ddos.dataset("Private data", Ddos.service("compute", "compute", data)))
            .getString("id");
    algorithmDid = publishAlgorithm(SCRIPT_V1).getString("id");
  }

  @Test
  void a_new_dataset_trusts_no_algorithm() {
    assertThat(trusted(dataset())).isEmpty();
  }

  @Test
  void approving_pins_the_reviewed_checksums_and_a_code_change_voids_it() {
    JsonObject request = request(algorithmDid);
    assertThat(request.getString("state")).isEqualTo("pending");

    JsonObject inbox =
        cove.get("/api/v1/approvals?role=publisher&state=pending", publisherToken).json();
    assertThat(inbox.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("id"))
        .containsExactly(request.getString("id"));

    JsonObject code = cove.get(path(request, "/code"), publisherToken).json();
    assertThat(code.getJsonArray("files").getJsonObject(0).getString("text")).isEqualTo(SCRIPT_V1);
    assertThat(code.isNull("diff")).isTrue();

    JsonObject approved = post(path(request, "/approve"), publisherToken).json();
    assertThat(approved.getString("state")).isEqualTo("approved");
    JsonObject entry = trusted(dataset()).getJsonObject(0);
    JsonObject algorithm = cove.get("/api/v1/assets/" + algorithmDid).json();
    assertThat(entry.getString("did")).isEqualTo(algorithmDid);
    assertThat(entry.getString("filesChecksum"))
        .isEqualTo(Hashes.sha256Hex(SCRIPT_V1))
        .isEqualTo(algorithm.getJsonObject("cove").getString("filesChecksum"));
    assertThat(entry.getString("containerSectionChecksum"))
        .isEqualTo(Hashes.sha256Hex("python3 $ALGO" + Ddos.IMAGE_CHECKSUM));

    updateAlgorithm(SCRIPT_V2);
    JsonObject changed = cove.get("/api/v1/assets/" + algorithmDid).json();
    assertThat(changed.getJsonObject("cove").getString("filesChecksum"))
        .isNotEqualTo(entry.getString("filesChecksum"));

    JsonObject again = request(algorithmDid);
    JsonObject diff = cove.get(path(again, "/code"), publisherToken).json();
    assertThat(diff.getString("diff")).contains("+print('and more')");
    assertThat(diff.getString("comparedWith")).isEqualTo(request.getString("id"));
  }

  @Test
  void a_request_for_a_changed_algorithm_cannot_be_approved() {
    JsonObject request = request(algorithmDid);
    updateAlgorithm(SCRIPT_V2);

    assertProblem(post(path(request, "/approve"), publisherToken), 409, "conflict");
    assertThat(trusted(dataset())).isEmpty();
  }

  @Test
  void rejecting_needs_a_reason_and_tells_the_consumer() {
    JsonObject request = request(algorithmDid);

    assertProblem(
        cove.json(
            "POST", path(request, "/reject"), publisherToken, Json.createObjectBuilder().build()),
        400,
        "invalid-request");
    Response rejected =
        cove.json(
            "POST",
            path(request, "/reject"),
            publisherToken,
            Json.createObjectBuilder().add("reason", "reads more than it needs").build());

    assertThat(rejected.json().getString("state")).isEqualTo("rejected");
    JsonObject mine = cove.get("/api/v1/approvals?role=consumer", consumerToken).json();
    assertThat(mine.getJsonArray("items").getJsonObject(0).getString("reason"))
        .isEqualTo("reads more than it needs");
    assertThat(trusted(dataset())).isEmpty();
  }

  @Test
  void revoking_removes_the_entry_the_approval_added() {
    JsonObject request = request(algorithmDid);
    post(path(request, "/approve"), publisherToken);
    assertThat(trusted(dataset())).hasSize(1);

    JsonObject revoked = post(path(request, "/revoke"), publisherToken).json();

    assertThat(revoked.getString("state")).isEqualTo("revoked");
    assertThat(trusted(dataset())).isEmpty();
    assertProblem(post(path(request, "/revoke"), publisherToken), 409, "conflict");
  }

  @Test
  void an_allowed_algorithm_needs_no_request() {
    post(path(request(algorithmDid), "/approve"), publisherToken);

    assertProblem(
        cove.json("POST", "/api/v1/approvals", consumerToken, body(algorithmDid)), 409, "conflict");
  }

  @Test
  void a_pending_request_is_not_duplicated() {
    JsonObject first = request(algorithmDid);

    Response again = cove.json("POST", "/api/v1/approvals", consumerToken, body(algorithmDid));

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first);
  }

  /**
   * Fifty identical requests at once, in a few rounds: the database lets one of them store the
   * request (201) and record it, and every other one answers with that request (200).
   */
  @Test
  void parallel_identical_requests_make_one_request_and_one_ledger_entry() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(PARALLEL);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String algorithm = publishAlgorithm(SCRIPT_V1 + "# round " + round + "\n").getString("id");
        CyclicBarrier start = new CyclicBarrier(PARALLEL);
        List<Future<Response>> sent = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
          sent.add(
              clients.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return cove.json("POST", "/api/v1/approvals", consumerToken, body(algorithm));
                  }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
          answers.add(answer.get(120, TimeUnit.SECONDS));
        }

        assertThat(answers)
            .as("round %d", round)
            .extracting(Response::status)
            .containsOnly(200, 201)
            .filteredOn(status -> status == 201)
            .hasSize(1);
        assertThat(answers)
            .extracting(a -> a.json().getString("id"))
            .as("round %d: every answer names the one request", round)
            .containsOnly(answers.get(0).json().getString("id"));
        assertThat(pendingRequestsFor(algorithm)).as("round %d", round).isEqualTo(1);
        assertThat(requestEntriesFor(algorithm)).as("round %d", round).isEqualTo(1);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void every_request_and_decision_is_in_both_parties_ledgers() {
    JsonObject request = request(algorithmDid);
    post(path(request, "/approve"), publisherToken);
    post(path(request, "/revoke"), publisherToken);

    for (String token : new String[] {publisherToken, consumerToken}) {
      JsonArray entries =
          cove.get("/api/v1/ledger?subject=" + datasetDid + "&size=50", token)
              .json()
              .getJsonArray("items");
      assertThat(entries.getValuesAs(JsonObject.class))
          .extracting(e -> e.getString("kind"))
          .contains("approval-requested", "approval-granted", "approval-revoked");
    }
  }

  @Test
  void only_the_datasets_publisher_decides_or_reads_the_code() {
    JsonObject request = request(algorithmDid);
    String stranger = cove.signIn(TestWallet.random());

    assertProblem(post(path(request, "/approve"), consumerToken), 403, "forbidden");
    assertProblem(post(path(request, "/approve"), stranger), 403, "forbidden");
    assertProblem(cove.get(path(request, "/code"), consumerToken), 403, "forbidden");
    assertProblem(cove.get(path(request, ""), stranger), 403, "forbidden");
    assertThat(cove.get(path(request, ""), consumerToken).status()).isEqualTo(200);
  }

  @Test
  void bad_requests_are_client_errors() {
    assertProblem(cove.get("/api/v1/approvals/no-such-id", publisherToken), 404, "not-found");
    assertProblem(
        cove.json("POST", "/api/v1/approvals", consumerToken, Json.createObjectBuilder().build()),
        400,
        "invalid-request");
    assertProblem(
        cove.json(
            "POST",
            "/api/v1/approvals",
            consumerToken,
            Json.createObjectBuilder(body(algorithmDid)).add("datasetDid", "did:op:nope").build()),
        400,
        "invalid-did");
    assertProblem(
        cove.json(
            "POST",
            "/api/v1/approvals",
            consumerToken,
            Json.createObjectBuilder(body(algorithmDid)).add("serviceId", "nope").build()),
        404,
        "not-found");
    assertProblem(
        cove.json("POST", "/api/v1/approvals", consumerToken, body(datasetDid)),
        403,
        "not-permitted");
    assertProblem(cove.get("/api/v1/approvals?role=owner", consumerToken), 400, "invalid-request");
  }

  private long pendingRequestsFor(String algorithm) {
    JsonObject pending =
        cove.get("/api/v1/approvals?role=consumer&state=pending&size=100", consumerToken).json();
    return pending.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("algorithmDid").equals(algorithm))
        .count();
  }

  private long requestEntriesFor(String algorithm) {
    JsonObject entries =
        cove.get(
                "/api/v1/ledger?kind=approval-requested&size=500&subject=" + datasetDid,
                consumerToken)
            .json();
    return entries.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getJsonObject("payload").getString("algorithm").equals(algorithm))
        .count();
  }

  private JsonObject request(String algorithm) {
    Response response = cove.json("POST", "/api/v1/approvals", consumerToken, body(algorithm));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private JsonObject body(String algorithm) {
    return Json.createObjectBuilder()
        .add("datasetDid", datasetDid)
        .add("serviceId", "compute")
        .add("algorithmDid", algorithm)
        .add("justification", "summary statistics only")
        .build();
  }

  private JsonObject publishAlgorithm(String script) {
    String code = cove.upload(consumerToken, "stats.py", script.getBytes(UTF_8));
    return cove.publish(
        consumerToken, Ddos.algorithm("Stats", Ddos.service("compute", "compute", code)));
  }

  private void updateAlgorithm(String script) {
    String code = cove.upload(consumerToken, "stats.py", script.getBytes(UTF_8));
    Response updated =
        cove.json(
            "PUT",
            "/api/v1/assets/" + algorithmDid,
            consumerToken,
            Ddos.algorithm("Stats", Ddos.service("compute", "compute", code)));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
  }

  private JsonObject dataset() {
    return cove.get("/api/v1/assets/" + datasetDid).json();
  }

  private static JsonArray trusted(JsonObject dataset) {
    return dataset
        .getJsonArray("services")
        .getJsonObject(0)
        .getJsonObject("compute")
        .getJsonArray("publisherTrustedAlgorithms");
  }

  private Response post(String path, String token) {
    return cove.post(path, token);
  }

  private static String path(JsonObject approval, String suffix) {
    return "/api/v1/approvals/" + approval.getString("id") + suffix;
  }
}
