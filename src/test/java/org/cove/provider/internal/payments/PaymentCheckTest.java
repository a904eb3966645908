package org.cove.provider.internal.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.shared.Address;
import org.junit.jupiter.api.Test;

/** The payment rules on hand-made chain facts; PaymentIT checks them on a real chain. */
class PaymentCheckTest {

  static final long CHAIN = 8996;
  static final Address CONSUMER = Address.parse("0x" + "1".repeat(40));
  static final Address PAYEE = Address.parse("0x" + "2".repeat(40));
  static final Address OTHER = Address.parse("0x" + "3".repeat(40));
  static final String TOKEN = "0x" + "4".repeat(40);
  static final Instant ISSUED = Instant.parse("2026-01-01T10:00:00.700Z");
  static final Instant MINED = Instant.parse("2026-01-01T10:01:00Z");
  static final BigInteger DUE = BigInteger.valueOf(2_500_000);

  static StoredQuote quote(Optional<String> token) {
    return new StoredQuote(1, PAYEE, token, CHAIN, DUE, ISSUED, ISSUED.plusSeconds(600));
  }

  static ChainFacts nativeFacts(Address to, BigInteger value, long confirmations) {
    return new ChainFacts(
        CHAIN,
        Optional.of(CHAIN),
        CONSUMER,
        Optional.of(to),
        value,
        true,
        BigInteger.TEN,
        BigInteger.valueOf(9 + confirmations),
        MINED,
        List.of());
  }

  static ChainFacts tokenFacts(ChainFacts.Transfer... transfers) {
    return new ChainFacts(
        CHAIN,
        Optional.of(CHAIN),
        CONSUMER,
        Optional.of(Address.parse(TOKEN)),
        BigInteger.ZERO,
        true,
        BigInteger.TEN,
        BigInteger.valueOf(11),
        MINED,
        List.of(transfers));
  }

  static StoredQuote check(StoredQuote quote, ChainFacts facts) {
    return PaymentCheck.check(CONSUMER, "item", CHAIN, 2, List.of(quote), facts);
  }

  static void refused(StoredQuote quote, ChainFacts facts, PaymentReason reason) {
    assertThatThrownBy(() -> check(quote, facts))
        .isInstanceOfSatisfying(
            PaymentRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void native_value_to_the_payee_meets_the_quote() {
    assertThat(check(quote(Optional.empty()), nativeFacts(PAYEE, DUE, 2)).id()).isEqualTo(1);
  }

  @Test
  void token_transfers_from_the_consumer_to_the_payee_add_up() {
    ChainFacts facts =
        tokenFacts(
            new ChainFacts.Transfer(TOKEN, CONSUMER, PAYEE, BigInteger.valueOf(2_000_000)),
            new ChainFacts.Transfer(TOKEN, CONSUMER, PAYEE, BigInteger.valueOf(500_000)));
    assertThat(check(quote(Optional.of(TOKEN)), facts).id()).isEqualTo(1);
  }

  @Test
  void each_rule_has_its_reason() {
    StoredQuote nativeQuote = quote(Optional.empty());
    StoredQuote tokenQuote = quote(Optional.of(TOKEN));
    refused(
        nativeQuote,
        nativeFacts(PAYEE, DUE.subtract(BigInteger.ONE), 2),
        PaymentReason.PAYMENT_INSUFFICIENT);
    refused(nativeQuote, nativeFacts(OTHER, DUE, 2), PaymentReason.PAYMENT_WRONG_PAYEE);
    refused(nativeQuote, nativeFacts(PAYEE, DUE, 1), PaymentReason.PAYMENT_PENDING);
    refused(
        tokenQuote,
        tokenFacts(new ChainFacts.Transfer("0x" + "5".repeat(40), CONSUMER, PAYEE, DUE)),
        PaymentReason.PAYMENT_INSUFFICIENT);
    refused(
        tokenQuote,
        tokenFacts(new ChainFacts.Transfer(TOKEN, CONSUMER, OTHER, DUE)),
        PaymentReason.PAYMENT_WRONG_PAYEE);
    refused(
        tokenQuote,
        tokenFacts(new ChainFacts.Transfer(TOKEN, OTHER, PAYEE, DUE)),
        PaymentReason.PAYMENT_INSUFFICIENT);
  }

  @Test
  void the_sender_the_outcome_and_the_chain_are_checked() {
    StoredQuote q = quote(Optional.empty());
    ChainFacts ok = nativeFacts(PAYEE, DUE, 2);
    refused(q, withFrom(ok, OTHER), PaymentReason.PAYMENT_NOT_FOUND);
    refused(
        q,
        new ChainFacts(
            CHAIN,
            ok.txChainId(),
            CONSUMER,
            ok.to(),
            DUE,
            false,
            ok.blockNumber(),
            ok.latestBlock(),
            MINED,
            List.of()),
        PaymentReason.PAYMENT_NOT_FOUND);
    refused(
        q,
        new ChainFacts(
            1337,
            ok.txChainId(),
            CONSUMER,
            ok.to(),
            DUE,
            true,
            ok.blockNumber(),
            ok.latestBlock(),
            MINED,
            List.of()),
        PaymentReason.PAYMENT_WRONG_CHAIN);
    refused(
        q,
        new ChainFacts(
            CHAIN,
            Optional.of(1L),
            CONSUMER,
            ok.to(),
            DUE,
            true,
            ok.blockNumber(),
            ok.latestBlock(),
            MINED,
            List.of()),
        PaymentReason.PAYMENT_WRONG_CHAIN);
  }

  @Test
  void a_payment_counts_only_while_a_quote_was_valid() {
    ChainFacts ok = nativeFacts(PAYEE, DUE, 2);
    refused(quote(Optional.empty()), at(ok, ISSUED.minusSeconds(1)), PaymentReason.PAYMENT_EXPIRED);
    refused(
        quote(Optional.empty()), at(ok, ISSUED.plusSeconds(601)), PaymentReason.PAYMENT_EXPIRED);
    // block times are whole seconds: the quote's own second counts
    assertThat(check(quote(Optional.empty()), at(ok, Instant.parse("2026-01-01T10:00:00Z"))))
        .isNotNull();
    assertThatThrownBy(() -> PaymentCheck.check(CONSUMER, "item", CHAIN, 2, List.of(), ok))
        .isInstanceOfSatisfying(
            PaymentRefusal.class,
            r -> assertThat(r.reason()).isEqualTo(PaymentReason.PAYMENT_EXPIRED));
  }

  @Test
  void amounts_become_smallest_units_exactly_and_never_round_down() {
    assertThat(ChainPayments.units(new BigDecimal("2.5"), 6)).isEqualTo(2_500_000);
    assertThat(ChainPayments.units(new BigDecimal("0.1"), 18))
        .isEqualTo(new BigInteger("100000000000000000"));
    assertThat(ChainPayments.units(new BigDecimal("0.0000001"), 6)).isEqualTo(1);
    assertThat(ChainPayments.units(new BigDecimal("123456789.123456789123456789"), 18))
        .isEqualTo(new BigInteger("123456789123456789123456789"));
    assertThat(ChainPayments.units(new BigDecimal("1.0000000000000000001"), 18))
        .isEqualTo(new BigInteger("1000000000000000001"));
  }

  static ChainFacts withFrom(ChainFacts f, Address from) {
    return new ChainFacts(
        f.nodeChainId(),
        f.txChainId(),
        from,
        f.to(),
        f.value(),
        f.succeeded(),
        f.blockNumber(),
        f.latestBlock(),
        f.blockTime(),
        f.transfers());
  }

  static ChainFacts at(ChainFacts f, Instant time) {
    return new ChainFacts(
        f.nodeChainId(),
        f.txChainId(),
        f.from(),
        f.to(),
        f.value(),
        f.succeeded(),
        f.blockNumber(),
        f.latestBlock(),
        time,
        f.transfers());
  }
}
