package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.HexFormat;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** The ledger over HTTP: visibility, verification, signed checkpoints. */
class LedgerApiIT {

  private final CoveClient cove = new CoveClient();
  private final TestWallet admin = TestWallet.of(System.getProperty("cove.it.admin.key"));

  @Test
  void accounts_see_only_entries_about_themselves_and_admins_see_all() {
    TestWallet alice = TestWallet.random();
    TestWallet bob = TestWallet.random();
    String aliceToken = cove.signIn(alice);
    cove.signIn(bob);
    String adminToken = cove.signIn(admin);

    JsonObject alicePage = cove.get("/api/v1/ledger?size=500", aliceToken).json();
    assertThat(alicePage.getJsonArray("items").getValuesAs(JsonObject.class))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.toString()).contains(alice.address().toLowerCase()));

    JsonObject bobEntries = cove.get("/api/v1/ledger?actor=" + bob.address(), adminToken).json();
    assertThat(bobEntries.getJsonNumber("total").longValue()).isEqualTo(1);
  }

  @Test
  void chain_verifies_and_admins_sign_checkpoints_with_the_provider_key() throws Exception {
    String adminToken = cove.signIn(admin);

    JsonObject verification = cove.get("/api/v1/ledger/verify", adminToken).json();
    assertThat(verification.getBoolean("ok")).isTrue();
    assertThat(verification.isNull("firstBroken")).isTrue();
    assertThat(verification.getJsonNumber("size").longValue()).isPositive();

    Response created = cove.post("/api/v1/ledger/checkpoints", adminToken);
    assertThat(created.status()).isEqualTo(201);
    JsonObject checkpoint = created.json();
    String provider = cove.get("/api/services").json().getString("providerAddress");
    assertThat(checkpoint.getString("signer")).isEqualTo(provider);
    assertThat(recover(checkpoint.getString("signedText"), checkpoint.getString("signature")))
        .isEqualTo(provider);

    assertThat(cove.get("/api/v1/ledger/checkpoints", adminToken).body())
        .contains(checkpoint.getString("signature"));
    assertThat(cove.get("/api/v1/ledger/verify", adminToken).json().getBoolean("ok")).isTrue();
  }

  @Test
  void only_admins_create_checkpoints() {
    String token = cove.signIn(TestWallet.random());

    assertProblem(cove.post("/api/v1/ledger/checkpoints", token), 403, "forbidden");
  }

  @Test
  void malformed_query_parameters_are_bad_requests() {
    String token = cove.signIn(TestWallet.random());

    assertProblem(cove.get("/api/v1/ledger?page=abc", token), 400, "invalid-request");
    assertProblem(cove.get("/api/v1/ledger?size=100000", token), 400, "invalid-request");
    assertProblem(cove.get("/api/v1/ledger?actor=0x123", token), 400, "invalid-address");
  }

  private static String recover(String text, String signature) throws SignatureException {
    byte[] bytes = HexFormat.of().parseHex(signature.substring(2));
    Sign.SignatureData data =
        new Sign.SignatureData(
            bytes[64],
            java.util.Arrays.copyOfRange(bytes, 0, 32),
            java.util.Arrays.copyOfRange(bytes, 32, 64));
    BigInteger key = Sign.signedPrefixedMessageToKey(text.getBytes(StandardCharsets.UTF_8), data);
    return "0x" + Keys.getAddress(key);
  }
}
