package org.cove.provider.internal.payments;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.shared.Address;

/**
 * The rules a transaction must meet to pay for an item, as a pure function of what the chain says
 * and the quotes Cove gave the consumer for that item: right chain; succeeded; sent by the
 * consumer; mined while a quote was valid; paid that quote's payee at least its amount in its token
 * (native value, or Transfer events of the token contract); confirmed enough. Whether the
 * transaction paid for something before is the database's to say.
 */
final class PaymentCheck {

  /** How long a client should wait before asking again about an unconfirmed payment. */
  static final Duration PENDING_RETRY = Duration.ofSeconds(5);

  private PaymentCheck() {}

  /** The quote the payment meets, or the refusal that says why it meets none. */
  static StoredQuote check(
      Address consumer,
      String item,
      long chainId,
      int confirmations,
      List<StoredQuote> quotes,
      ChainFacts facts) {
    if (facts.nodeChainId() != chainId) {
      throw refusal(
          PaymentReason.PAYMENT_WRONG_CHAIN,
          item,
          "the chain node is on chain "
              + facts.nodeChainId()
              + ", payments are taken on "
              + chainId);
    }
    if (facts.txChainId().isPresent() && facts.txChainId().get() != chainId) {
      throw refusal(
          PaymentReason.PAYMENT_WRONG_CHAIN,
          item,
          "the transaction is for chain " + facts.txChainId().get() + ", not " + chainId);
    }
    if (!facts.succeeded()) {
      throw refusal(
          PaymentReason.PAYMENT_NOT_FOUND, item, "the transaction failed: it paid nothing");
    }
    if (!facts.from().equals(consumer)) {
      throw refusal(
          PaymentReason.PAYMENT_NOT_FOUND, item, "the transaction was sent by another account");
    }
    List<StoredQuote> valid =
        quotes.stream()
            .filter(q -> q.covers(facts.blockTime()))
            .sorted(Comparator.comparing(StoredQuote::issuedAt).reversed())
            .toList();
    if (valid.isEmpty()) {
      throw refusal(PaymentReason.PAYMENT_EXPIRED, item, expiredDetail(quotes, facts));
    }
    StoredQuote latest = valid.get(0);
    if (latest.chainId() != chainId) {
      throw refusal(
          PaymentReason.PAYMENT_WRONG_CHAIN,
          item,
          "the quote is for chain " + latest.chainId() + ", payments are taken on " + chainId);
    }
    StoredQuote met =
        valid.stream()
            .filter(
                q -> q.chainId() == chainId && paid(q, consumer, facts).compareTo(q.units()) >= 0)
            .findFirst()
            .orElseThrow(() -> shortfall(latest, consumer, item, facts));
    if (facts.confirmations() < confirmations) {
      throw new PaymentRefusal(
          PaymentReason.PAYMENT_PENDING,
          item,
          "the payment has "
              + facts.confirmations()
              + " of the "
              + confirmations
              + " confirmations it needs",
          Optional.of(PENDING_RETRY));
    }
    return met;
  }

  /** What the transaction paid the quote's payee in the quote's token, in its smallest unit. */
  static BigInteger paid(StoredQuote quote, Address consumer, ChainFacts facts) {
    if (quote.token().isEmpty()) {
      return facts
          .to()
          .filter(quote.payee()::equals)
          .map(to -> facts.value())
          .orElse(BigInteger.ZERO);
    }
    return facts.transfers().stream()
        .filter(t -> t.token().equals(quote.token().get()))
        .filter(t -> t.from().equals(consumer) && t.to().equals(quote.payee()))
        .map(ChainFacts.Transfer::value)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static PaymentRefusal shortfall(
      StoredQuote quote, Address consumer, String item, ChainFacts facts) {
    BigInteger paid = paid(quote, consumer, facts);
    String token = quote.token().orElse("the native coin");
    if (paid.signum() > 0) {
      return refusal(
          PaymentReason.PAYMENT_INSUFFICIENT,
          item,
          "paid " + paid + " of the " + quote.units() + " units of " + token + " quoted");
    }
    if (paidSomeoneElse(quote, facts)) {
      return refusal(
          PaymentReason.PAYMENT_WRONG_PAYEE,
          item,
          "the transaction paid another account than " + quote.payee().value());
    }
    return refusal(
        PaymentReason.PAYMENT_INSUFFICIENT,
        item,
        "the transaction paid nothing in " + token + " to " + quote.payee().value());
  }

  private static boolean paidSomeoneElse(StoredQuote quote, ChainFacts facts) {
    if (quote.token().isEmpty()) {
      return facts.value().signum() > 0 && facts.to().isPresent();
    }
    return facts.transfers().stream()
        .anyMatch(t -> t.token().equals(quote.token().get()) && !t.to().equals(quote.payee()));
  }

  private static String expiredDetail(List<StoredQuote> quotes, ChainFacts facts) {
    if (quotes.isEmpty()) {
      return "no quote was given for this item: ask for one, then pay";
    }
    return "mined at "
        + facts.blockTime()
        + ", when no quote for the item was valid: ask for a new quote and pay again";
  }

  private static PaymentRefusal refusal(PaymentReason reason, String item, String detail) {
    return new PaymentRefusal(reason, item, detail);
  }
}
