package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.cove.testing.CoveClient;
import org.cove.testing.NodeScripts;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/**
 * Ocean's own client library, ocean.js ({@code @oceanprotocol/lib}), through its auth flow against
 * the test server: {@code src/test/js/ocean-auth-check.mjs} reads the endpoint map, gets the nonce,
 * generates a token, uses it on {@code /api/v1/me} as ocean.js sends tokens, invalidates it and
 * sees it refused. Each run uses a fresh key. Fails, not skips, without node or ocean.js: the build
 * installs ocean.js with {@code npm ci} in src/test/js, and {@code bin/test} installs node.
 */
class OceanJsCompatibilityIT {

  private static final Path JS_DIR = NodeScripts.JS_DIR;
  private static final String CHECK = "ocean-auth-check.mjs";

  private final String nodeUri = new CoveClient().baseUrl() + "/api/services";

  @TempDir Path temp;

  @BeforeAll
  static void requireNodeAndOceanJs() {
    assertThat(JS_DIR.resolve(CHECK)).as("the ocean.js check script").isRegularFile();
    assertThat(JS_DIR.resolve("node_modules/@oceanprotocol/lib/package.json"))
        .as(
            "ocean.js is not installed in %s/node_modules: run npm ci there "
                + "(the build does it before the tests)",
            JS_DIR)
        .isRegularFile();
  }

  @Test
  void ocean_js_gets_the_nonce_generates_uses_and_invalidates_a_token() throws Exception {
    TestWallet wallet = TestWallet.random();

    JsonObject summary = runCheck(wallet);

    assertThat(summary.getString("oceanJs")).isEqualTo("8.6.2");
    assertThat(summary.getString("address")).isEqualTo(wallet.address());
    JsonObject nonces = summary.getJsonObject("nonces");
    assertThat(nonces.getInt("before")).isZero();
    assertThat(nonces.getInt("afterToken")).isEqualTo(1);
    assertThat(nonces.getInt("afterInvalidate")).isEqualTo(2);
    assertThat(summary.getJsonObject("me").getInt("status")).isEqualTo(200);
    assertThat(summary.getJsonObject("meAfterInvalidate").getInt("status")).isEqualTo(401);
  }

  /** ocean.js signs such a hash without its zero byte: 31 bytes, one request in 256. */
  @Test
  void ocean_js_token_request_whose_hash_starts_with_a_zero_byte_is_accepted() throws Exception {
    // ocean.js generates the token with nonce 1, signed over address + "1" + "createAuthToken".
    TestWallet wallet = walletWhose(w -> requestHash(w, "1", "createAuthToken")[0] == 0);

    JsonObject summary = runCheck(wallet);

    assertThat(signedRequest(summary, 0).getInt("leadingZeroBytes"))
        .as("the token request's hash starts with a zero byte")
        .isPositive();
  }

  @Test
  void ocean_js_invalidation_whose_hash_starts_with_a_zero_byte_is_accepted() throws Exception {
    // ocean.js invalidates with nonce 2, signed over address + "2" and no command.
    TestWallet wallet = walletWhose(w -> requestHash(w, "2", "")[0] == 0);

    JsonObject summary = runCheck(wallet);

    assertThat(signedRequest(summary, 1).getInt("leadingZeroBytes"))
        .as("the invalidation's hash starts with a zero byte")
        .isPositive();
  }

  /** Runs the check; asserts it succeeded and returns its JSON summary. */
  private JsonObject runCheck(TestWallet wallet) throws IOException, InterruptedException {
    return NodeScripts.run(
        CHECK,
        Map.of("OCEAN_NODE_URI", nodeUri, "OCEAN_PRIVATE_KEY", wallet.privateKeyHex()),
        temp);
  }

  private static JsonObject signedRequest(JsonObject summary, int index) {
    return summary.getJsonArray("signedRequests").getJsonObject(index);
  }

  /** What ocean.js hashes and signs for a request: keccak-256 of address + nonce + command. */
  private static byte[] requestHash(TestWallet wallet, String nonce, String command) {
    return Hash.sha3((wallet.address() + nonce + command).getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh random wallet with the property; one in 256 has a hash starting with zero. */
  private static TestWallet walletWhose(Predicate<TestWallet> property) {
    for (int i = 0; i < 100_000; i++) {
      TestWallet wallet = TestWallet.random();
      if (property.test(wallet)) {
        return wallet;
      }
    }
    throw new IllegalStateException("no random wallet with the property in 100,000 tries");
  }
}
