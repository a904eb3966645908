package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sign-In with Ethereum end to end, tokens, and /api/v1/me. */
class AuthenticationIT {

  private final CoveClient cove = new CoveClient();

  /** The sign-in domain: host and port of the server's public URL. */
  private final String domain = java.net.URI.create(cove.baseUrl()).getAuthority();

  @Test
  void wallet_signs_in_and_sees_its_account() {
    TestWallet wallet = TestWallet.random();

    JsonObject challenge = cove.get("/api/v1/auth/siwe?address=" + wallet.address()).json();
    String message = challenge.getString("message");
    assertThat(message)
        .startsWith(
            domain + " wants you to sign in with your Ethereum account:\n" + wallet.address())
        .contains("Chain ID: 8996", "Nonce: " + challenge.getString("nonce"), "Expiration Time: ");

    Response signedIn = signIn(message, wallet.personalSign(message));
    assertThat(signedIn.status()).isEqualTo(200);
    String token = signedIn.json().getString("token");
    assertThat(signedIn.json().getString("expiresAt")).isNotBlank();

    JsonObject me = cove.get("/api/v1/me", token).json();
    assertThat(me.getString("address")).isEqualTo(wallet.address().toLowerCase());
    assertThat(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("consumer", "publisher");
  }

  @Test
  void sign_in_is_recorded_in_the_ledger() {
    TestWallet wallet = TestWallet.random();
    String token = cove.signIn(wallet);

    JsonObject page = cove.get("/api/v1/ledger?kind=signed-in", token).json();

    assertThat(page.getJsonNumber("total").longValue()).isEqualTo(1);
    JsonObject entry = page.getJsonArray("items").getJsonObject(0);
    assertThat(entry.getString("actor")).isEqualTo(wallet.address().toLowerCase());
    assertThat(entry.getJsonObject("payload").getString("method")).isEqualTo("siwe");
  }

  @Test
  void a_sign_in_message_is_accepted_once() {
    TestWallet wallet = TestWallet.random();
    String message =
        cove.get("/api/v1/auth/siwe?address=" + wallet.address()).json().getString("message");
    String signature = wallet.personalSign(message);

    assertThat(signIn(message, signature).status()).isEqualTo(200);
    Response replay = signIn(message, signature);

    assertProblem(replay, 401, "sign-in-rejected");
  }

  @Test
  void a_message_signed_by_another_key_is_refused() {
    TestWallet wallet = TestWallet.random();
    String message =
        cove.get("/api/v1/auth/siwe?address=" + wallet.address()).json().getString("message");

    assertProblem(
        signIn(message, TestWallet.random().personalSign(message)), 401, "sign-in-rejected");
  }

  @Test
  void a_message_for_another_domain_is_refused() {
    TestWallet wallet = TestWallet.random();
    String message =
        cove.get("/api/v1/auth/siwe?address=" + wallet.address())
            .json()
            .getString("message")
            .replace(domain + " wants", "evil.example wants");

    assertProblem(signIn(message, wallet.personalSign(message)), 401, "sign-in-rejected");
  }

  @Test
  void a_message_for_another_chain_is_refused() {
    TestWallet wallet = TestWallet.random();
    String message =
        cove.get("/api/v1/auth/siwe?address=" + wallet.address())
            .json()
            .getString("message")
            .replace("Chain ID: 8996", "Chain ID: 1");

    assertProblem(signIn(message, wallet.personalSign(message)), 401, "sign-in-rejected");
  }

  /** Each line of an issued message, changed and signed again: EIP-4361's every-field check. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "URI: .*|URI: https://evil.example/",
        "Sign in to Cove\\.|Sign in to Cove and let the bearer pay.",
        "Issued At: .*|Issued At: 2020-01-01T00:00:00Z",
        "Expiration Time: .*|Expiration Time: 2999-01-01T00:00:00Z",
        "(Expiration Time: .*)|$1\\nNot Before: 2020-01-01T00:00:00Z",
        "(Expiration Time: .*)|$1\\nRequest ID: 42",
        "(Expiration Time: .*)|$1\\nResources:\\n- https://evil.example/grant"
      })
  void a_message_with_a_line_changed_after_issue_is_refused(String line, String replacement) {
    TestWallet wallet = TestWallet.random();
    String issued =
        cove.get("/api/v1/auth/siwe?address=" + wallet.address()).json().getString("message");
    String message = issued.replaceFirst(line, replacement.replace("\\n", "\n"));
    assertThat(message).isNotEqualTo(issued);

    assertProblem(signIn(message, wallet.personalSign(message)), 401, "sign-in-rejected");
    assertThat(signIn(issued, wallet.personalSign(issued)).status()).isEqualTo(200);
  }

  @Test
  void a_nonce_issued_to_one_address_does_not_sign_in_another() {
    TestWallet alice = TestWallet.random();
    TestWallet mallory = TestWallet.random();
    String message =
        cove.get("/api/v1/auth/siwe?address=" + alice.address())
            .json()
            .getString("message")
            .replace(alice.address(), mallory.address());

    assertProblem(signIn(message, mallory.personalSign(message)), 401, "sign-in-rejected");
  }

  @Test
  void a_garbled_message_is_a_bad_request() {
    assertProblem(
        signIn("hello", TestWallet.random().personalSign("hello")), 400, "invalid-siwe-message");
  }

  @Test
  void me_requires_a_valid_token() {
    assertProblem(cove.get("/api/v1/me"), 401, "unauthenticated");
    assertProblem(
        cove.get("/api/v1/me", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.not-a-signature"),
        401,
        "invalid-token");
  }

  private Response signIn(String message, String signature) {
    return cove.postJson(
        "/api/v1/auth/siwe",
        Json.createObjectBuilder().add("message", message).add("signature", signature).build());
  }

  static void assertProblem(Response response, int status, String slug) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getString("type")).isEqualTo("urn:cove:problem:" + slug);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(response.body())
        .doesNotContain("Exception", "at org.", "at java.", "/work/", ".cove");
  }
}
