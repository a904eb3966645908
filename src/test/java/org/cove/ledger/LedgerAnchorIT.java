package org.cove.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.cove.testing.CoveClient;
import org.cove.testing.LocalChain;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * With a chain configured, Cove anchors its newest checkpoint in a transaction of its own on the
 * chain (ganache), and verification reads it back: a head the database's owner cannot reach.
 */
class LedgerAnchorIT {

  private final CoveClient cove = new CoveClient();
  private final TestWallet admin = TestWallet.of(System.getProperty("cove.it.admin.key"));

  @Test
  void a_checkpoint_is_anchored_on_the_chain_and_verification_checks_the_anchor() {
    LocalChain chain = LocalChain.shared();
    String provider = cove.get("/api/services").json().getString("providerAddress");
    chain.fundNative(provider);
    String adminToken = cove.signIn(admin);
    JsonObject checkpoint = cove.post("/api/v1/ledger/checkpoints", adminToken).json();
    long size = checkpoint.getJsonNumber("size").longValue();

    JsonObject latest =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> anchors(adminToken).get("latest"),
                l ->
                    l instanceof JsonObject anchor
                        && anchor.getJsonNumber("size").longValue() >= size)
            .asJsonObject();

    JsonObject verification = cove.get("/api/v1/ledger/verify", adminToken).json();
    assertThat(verification.getBoolean("ok")).as(verification.toString()).isTrue();
    JsonObject anchors = verification.getJsonObject("anchors");
    assertThat(anchors.getJsonArray("mismatches")).isEmpty();
    assertThat(anchors.getInt("checked")).isPositive();
    assertThat(anchors.containsKey("unchecked")).isFalse();

    Transaction onChain = chain.transaction(latest.getString("transaction"));
    assertThat(onChain.getFrom()).isEqualToIgnoringCase(provider);
    assertThat(onChain.getTo()).isEqualToIgnoringCase(provider);
    assertThat(onChain.getInput()).isEqualTo("0x" + latest.getString("head"));
    assertThat(chain.receipt(onChain.getHash()).isStatusOK()).isTrue();
    if (latest.getJsonNumber("size").longValue() == size) {
      assertThat(latest.getString("head")).isEqualTo(checkpoint.getString("head"));
    }
  }

  private JsonObject anchors(String adminToken) {
    return cove.get("/api/v1/ledger/verify", adminToken).json().getJsonObject("anchors");
  }
}
