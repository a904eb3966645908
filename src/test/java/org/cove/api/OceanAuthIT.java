package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;

/** Ocean's nonce and token endpoints, as ocean.js calls them. */
class OceanAuthIT {

  private final CoveClient cove = new CoveClient();

  @Test
  void nonce_starts_at_zero_and_follows_accepted_requests() {
    TestWallet wallet = TestWallet.random();
    assertThat(nonce(wallet)).isZero();

    assertThat(generate(wallet, "1").status()).isEqualTo(200);
    assertThat(nonce(wallet)).isEqualTo(1);

    assertThat(generate(wallet, "7").status()).isEqualTo(200);
    assertThat(nonce(wallet)).isEqualTo(7);
  }

  @Test
  void token_from_a_signed_request_authenticates_with_or_without_bearer_prefix() {
    TestWallet wallet = TestWallet.random();
    String token = generate(wallet, "1").json().getString("token");

    assertThat(cove.get("/api/v1/me", token).json().getString("address"))
        .isEqualTo(wallet.address().toLowerCase());
    Response bare = cove.send(cove.request("/api/v1/me").header("Authorization", token).GET());
    assertThat(bare.status()).isEqualTo(200);
  }

  @Test
  void replayed_and_smaller_nonces_are_refused() {
    TestWallet wallet = TestWallet.random();
    assertThat(generate(wallet, "5").status()).isEqualTo(200);

    assertProblem(generate(wallet, "5"), 401, "invalid-nonce");
    assertProblem(generate(wallet, "4"), 401, "invalid-nonce");
    assertThat(nonce(wallet)).isEqualTo(5);
  }

  @Test
  void a_signature_over_another_command_is_refused() {
    TestWallet wallet = TestWallet.random();
    String signature = wallet.signRequest("1", "startCompute");

    assertProblem(generate(wallet.address(), "1", signature), 401, "invalid-signature");
    assertThat(nonce(wallet)).isZero();
  }

  @Test
  void a_signature_by_another_key_is_refused() {
    TestWallet wallet = TestWallet.random();
    String signature = TestWallet.random().signRequest("1", "createAuthToken");

    assertProblem(generate(wallet.address(), "1", signature), 401, "invalid-signature");
  }

  @Test
  void an_invalidated_token_no_longer_authenticates() {
    TestWallet wallet = TestWallet.random();
    String token = generate(wallet, "1").json().getString("token");

    Response invalidated =
        cove.postJson(
            "/api/services/auth/token/invalidate",
            Json.createObjectBuilder()
                .add("address", wallet.address())
                .add("nonce", "2")
                .add("signature", wallet.signRequest("2", "invalidateAuthToken"))
                .add("token", token)
                .build());

    assertThat(invalidated.status()).isEqualTo(200);
    assertThat(invalidated.json().getBoolean("success")).isTrue();
    assertProblem(cove.get("/api/v1/me", token), 401, "invalid-token");
  }

  @Test
  void ocean_js_invalidation_signed_without_command_is_accepted() {
    TestWallet wallet = TestWallet.random();
    String token = generate(wallet, "1").json().getString("token");

    Response invalidated =
        cove.postJson(
            "/api/services/auth/token/invalidate",
            Json.createObjectBuilder()
                .add("address", wallet.address())
                .add("nonce", "2")
                .add("signature", wallet.signRequest("2", ""))
                .add("token", token)
                .build());

    assertThat(invalidated.status()).isEqualTo(200);
    assertProblem(cove.get("/api/v1/me", token), 401, "invalid-token");
  }

  @Test
  void nobody_else_can_invalidate_a_token() {
    TestWallet owner = TestWallet.random();
    TestWallet other = TestWallet.random();
    String token = generate(owner, "1").json().getString("token");

    Response refused =
        cove.postJson(
            "/api/services/auth/token/invalidate",
            Json.createObjectBuilder()
                .add("address", other.address())
                .add("nonce", "1")
                .add("signature", other.signRequest("1", "invalidateAuthToken"))
                .add("token", token)
                .build());

    assertProblem(refused, 404, "not-found");
    assertThat(cove.get("/api/v1/me", token).status()).isEqualTo(200);
  }

  @Test
  void of_100_parallel_submissions_of_one_signed_request_exactly_one_succeeds() throws Exception {
    TestWallet wallet = TestWallet.random();
    String signature = wallet.signRequest("1", "createAuthToken");
    int parallel = 100;
    CyclicBarrier start = new CyclicBarrier(parallel);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        Callable<Integer> submit =
            () -> {
              start.await();
              return generate(wallet.address(), "1", signature).status();
            };
        results.add(pool.submit(submit));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 401).hasSize(parallel - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  private long nonce(TestWallet wallet) {
    JsonObject body = cove.get("/api/services/nonce?userAddress=" + wallet.address()).json();
    return body.getJsonNumber("nonce").longValue();
  }

  private Response generate(TestWallet wallet, String nonce) {
    return generate(wallet.address(), nonce, wallet.signRequest(nonce, "createAuthToken"));
  }

  private Response generate(String address, String nonce, String signature) {
    return cove.postJson(
        "/api/services/auth/token",
        Json.createObjectBuilder()
            .add("address", address)
            .add("nonce", nonce)
            .add("signature", signature)
            .build());
  }
}
