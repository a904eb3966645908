package org.cove.api;

import static org.cove.api.AuthenticationIT.assertProblem;

import java.net.http.HttpRequest;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is a 4xx problem, never a 5xx or a stack trace. */
class BadInputIT {

  private final CoveClient cove = new CoveClient();

  @Test
  void malformed_json_is_a_bad_request() {
    assertProblem(cove.postJson("/api/v1/auth/siwe", "{not json"), 400, "invalid-request");
    assertProblem(cove.postJson("/api/services/auth/token", "[1,2"), 400, "invalid-request");
  }

  @Test
  void json_of_the_wrong_shape_is_a_bad_request() {
    assertProblem(cove.postJson("/api/v1/auth/siwe", "[]"), 400, "invalid-request");
    assertProblem(cove.postJson("/api/v1/auth/siwe", "{}"), 400, "invalid-request");
    assertProblem(cove.postJson("/api/v1/auth/siwe", "null"), 400, "invalid-request");
    assertProblem(cove.postJson("/api/services/auth/token", "{}"), 400, "invalid-request");
    assertProblem(
        cove.postJson(
            "/api/services/auth/token", "{\"address\": 5, \"nonce\": {}, \"signature\": []}"),
        400,
        "invalid-request");
  }

  @Test
  void malformed_addresses_are_bad_requests() {
    assertProblem(cove.get("/api/v1/auth/siwe"), 400, "invalid-address");
    assertProblem(cove.get("/api/v1/auth/siwe?address=0x12"), 400, "invalid-address");
    assertProblem(cove.get("/api/services/nonce?userAddress=alice"), 400, "invalid-address");
    assertProblem(cove.get("/api/services/nonce"), 400, "invalid-address");
  }

  @Test
  void malformed_nonces_and_signatures_are_refused() {
    String address = "0x1111111111111111111111111111111111111111";
    assertProblem(
        cove.postJson(
            "/api/services/auth/token",
            "{\"address\":\"" + address + "\",\"nonce\":\"-1\",\"signature\":\"0x00\"}"),
        400,
        "invalid-request");
    assertProblem(
        cove.postJson(
            "/api/services/auth/token",
            "{\"address\":\"" + address + "\",\"nonce\":\"1\",\"signature\":\"0xzz\"}"),
        401,
        "invalid-signature");
  }

  @Test
  void wrong_media_type_and_method_are_client_errors() {
    Response text =
        cove.send(
            cove.request("/api/v1/auth/siwe")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
    assertProblem(text, 415, "http-415");
    Response delete = cove.send(cove.request("/api/v1/auth/siwe").DELETE());
    assertProblem(delete, 405, "http-405");
  }

  @Test
  void unknown_api_paths_are_not_found_problems() {
    assertProblem(cove.get("/api/v1/nothing-here"), 404, "http-404");
  }

  @Test
  void an_oversized_body_is_refused_without_a_server_error() {
    String huge = "{\"message\":\"" + "a".repeat(5_000_000) + "\",\"signature\":\"0x\"}";

    assertProblem(cove.postJson("/api/v1/auth/siwe", huge), 413, "payload-too-large");
  }
}
