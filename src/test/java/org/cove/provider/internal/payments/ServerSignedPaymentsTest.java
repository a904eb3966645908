package org.cove.provider.internal.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cove.identity.AuthToken;
import org.cove.identity.DemoAccount;
import org.cove.identity.DemoAccounts;
import org.cove.identity.Role;
import org.cove.identity.UnsignedTransaction;
import org.cove.provider.PaymentQuote;
import org.cove.shared.Address;
import org.cove.shared.ForbiddenException;
import org.cove.shared.RunMode;
import org.junit.jupiter.api.Test;

/**
 * When the server pays for an account: only a demo account, only in development, only with a chain
 * node. Everything else pays from its own wallet, and the server sends nothing for it.
 */
class ServerSignedPaymentsTest {

  private static final Address DEMO = Address.parse("0x1111111111111111111111111111111111111111");
  private static final Address OTHER = Address.parse("0x3333333333333333333333333333333333333333");

  @Test
  void a_demo_account_in_development_with_a_chain_is_paid_for_by_the_server() {
    assertThat(payments(RunMode.DEVELOPMENT, true).available(DEMO)).isTrue();
  }

  @Test
  void an_account_that_is_not_a_demo_account_never_is() {
    ServerSignedPayments payments = payments(RunMode.DEVELOPMENT, true);

    assertThat(payments.available(OTHER)).isFalse();
    assertThatThrownBy(() -> payments.pay(OTHER, List.of(quote())))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void production_mode_never_pays_even_for_an_address_called_a_demo_account() {
    ServerSignedPayments payments = payments(RunMode.PRODUCTION, true);

    assertThat(payments.available(DEMO)).isFalse();
    assertThatThrownBy(() -> payments.pay(DEMO, List.of(quote())))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void without_a_chain_node_nothing_is_paid_by_the_server() {
    assertThat(payments(RunMode.DEVELOPMENT, false).available(DEMO)).isFalse();
  }

  @Test
  void an_erc20_payment_is_a_transfer_call_to_the_payee() {
    assertThat(ServerSignedPayments.transfer(OTHER, BigInteger.valueOf(750_000)))
        .isEqualTo(
            "0xa9059cbb"
                + "000000000000000000000000"
                + "3333333333333333333333333333333333333333"
                + "0".repeat(64 - 5)
                + "b71b0");
  }

  private static ServerSignedPayments payments(RunMode mode, boolean chain) {
    // Nothing listens there: a test that reached the node would fail with 503.
    ChainSettings settings =
        ChainSettings.of(
            chain ? Optional.of("http://127.0.0.1:9") : Optional.empty(),
            8996,
            1,
            600,
            100,
            86400,
            Optional.empty());
    return new ServerSignedPayments(mode, new OneDemoAccount(), new ChainNode(settings), settings);
  }

  private static PaymentQuote quote() {
    return new PaymentQuote(
        "did:op:x/access",
        OTHER,
        Optional.empty(),
        8996,
        BigDecimal.ONE,
        BigInteger.TEN,
        Instant.now().plusSeconds(600));
  }

  /** A demo-account list holding {@link #DEMO}, whatever the mode says. */
  private static final class OneDemoAccount implements DemoAccounts {
    @Override
    public List<DemoAccount> list() {
      return List.of(new DemoAccount("Demo consumer", DEMO, Role.CONSUMER));
    }

    @Override
    public AuthToken signInAs(Address address) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> signTransaction(Address from, UnsignedTransaction transaction) {
      throw new AssertionError("nothing may be signed here");
    }
  }
}
