package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.cove.testing.CoveClient;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;

/** Whatever a client sends to the compute endpoints, the answer is a 4xx problem, never a 5xx. */
class ComputeBadInputIT {

  private static final String DID = "did:op:" + "ab".repeat(32);

  private final CoveClient cove = new CoveClient();
  private final String token = cove.signIn(TestWallet.random());

  @Test
  void malformed_or_misshapen_start_bodies_are_bad_requests() {
    for (String path :
        new String[] {"/api/services/freeCompute", "/api/services/initializeCompute"}) {
      for (String body :
          new String[] {
            "{not json",
            "[]",
            "null",
            "{}",
            "{\"datasets\": 5}",
            "{\"datasets\": [5], \"algorithm\": {}}",
            "{\"datasets\": [{\"documentId\": \"nope\", \"serviceId\": \"compute\"}],"
                + " \"algorithm\": {\"documentId\": \""
                + DID
                + "\"}, \"environment\": \"local\"}",
            "{\"datasets\": [{\"documentId\": \""
                + DID
                + "\", \"serviceId\": \"compute\"}],"
                + " \"algorithm\": {\"meta\": {\"rawcode\": 5}}, \"environment\": \"local\"}",
            "{\"datasets\": [{\"documentId\": \""
                + DID
                + "\", \"serviceId\": \"compute\"}],"
                + " \"algorithm\": {\"documentId\": \""
                + DID
                + "\"}, \"environment\": \"local\","
                + " \"resources\": [{\"id\": \"cpu\", \"amount\": \"many\"}]}",
            "{\"datasets\": [{\"documentId\": \""
                + DID
                + "\", \"serviceId\": \"compute\"}],"
                + " \"algorithm\": {\"documentId\": \""
                + DID
                + "\"}, \"environment\": \"local\","
                + " \"maxJobDuration\": \"forever\"}",
          }) {
        CoveClient.Response response =
            cove.send(
                cove.request(path)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertClientProblem(response, path + " " + body);
      }
    }
  }

  @Test
  void malformed_job_ids_indexes_and_ranges_are_bad_requests() {
    assertClientProblem(cove.get("/api/services/compute?jobId=../../etc", token), "jobId");
    assertClientProblem(cove.get("/api/v1/jobs/not-a-job", token), "v1 jobId");
    assertClientProblem(
        cove.get("/api/services/computeResult?jobId=" + "a".repeat(32) + "&index=x", token),
        "index");
    assertClientProblem(
        cove.get("/api/v1/jobs/" + "a".repeat(32) + "/results/0", token), "unknown job");
    assertClientProblem(cove.get("/api/v1/jobs?size=100000", token), "page size");
    assertClientProblem(
        cove.send(
            cove.request("/api/services/compute?jobId=" + "a".repeat(32))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody())),
        "stop unknown");
  }

  @Test
  void environments_cannot_be_changed_by_non_admins_or_with_bad_definitions() {
    assertClientProblem(
        cove.json(
            "PUT", "/api/v1/environments/mine", token, jakarta.json.JsonValue.EMPTY_JSON_OBJECT),
        "non-admin");
    String admin = cove.signIn(TestWallet.of(System.getProperty("cove.it.admin.key")));
    assertClientProblem(
        cove.json(
            "PUT", "/api/v1/environments/bad", admin, jakarta.json.JsonValue.EMPTY_JSON_OBJECT),
        "no resources");
    assertClientProblem(
        cove.json(
            "PUT", "/api/v1/environments/..", admin, jakarta.json.JsonValue.EMPTY_JSON_OBJECT),
        "bad id");
  }

  private static void assertClientProblem(CoveClient.Response response, String what) {
    assertThat(response.status()).as(what + ": " + response.body()).isBetween(400, 499);
    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("/work/");
  }
}
