package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import java.net.http.HttpRequest;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The endpoints the Kubernetes engine's stage pods call, on the running WAR (which runs the local
 * engine, so no job has stage pods): whatever is asked, with or without a token, the answer is the
 * same 404 problem, naming nothing; an upload is refused without being read to its end; a malformed
 * id is a 400. What the exchange does for a job that has pods is tested on the engine ({@code
 * KubernetesStageExchangeTest}).
 */
class StagePodsIT {

  private static final String JOB = "0123456789abcdef0123456789abcdef";

  private final CoveClient cove = new CoveClient();

  @Test
  void without_a_jobs_token_every_stage_endpoint_is_the_same_not_found() {
    for (String what : new String[] {"datasets", "algorithm"}) {
      String path = "/api/internal/jobs/" + JOB + "/" + what;
      Response anonymous = cove.get(path);
      Response guessed = cove.get(path, "f".repeat(64));
      assertProblem(anonymous, 404, "not-found");
      assertProblem(guessed, 404, "not-found");
      assertThat(guessed.json().getString("detail"))
          .isEqualTo(anonymous.json().getString("detail"));
    }
  }

  @Test
  void an_upload_without_a_jobs_token_is_not_found_however_large() {
    byte[] body = new byte[20 * 1024 * 1024];
    Response response =
        cove.send(
            cove.request("/api/internal/jobs/" + JOB + "/outputs")
                .header("Authorization", "Bearer " + "f".repeat(64))
                .header("Content-Type", "application/x-tar")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertProblem(response, 404, "not-found");
  }

  @Test
  void a_malformed_job_id_is_a_bad_request() {
    assertProblem(cove.get("/api/internal/jobs/0123/datasets"), 400, "invalid-request");
    assertProblem(cove.get("/api/internal/jobs/not-a-job/algorithm"), 400, "invalid-request");
  }
}
