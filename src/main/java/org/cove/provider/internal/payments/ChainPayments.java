package org.cove.provider.internal.payments;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cove.provider.PaymentQuote;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.provider.Payments;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.Did;
import org.cove.shared.ProviderSigner;

/**
 * Quotes and verifies on-chain payments. A quote is remembered (payment_quote) so that a payment
 * can be checked against what was actually offered; verification asks the chain node and applies
 * {@link PaymentCheck}; recording happens in the caller's transaction, together with the job
 * submission or download that the payment is for, with a ledger entry per payment.
 */
@ApplicationScoped
public class ChainPayments implements Payments {

  private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-f]{64}");

  private ChainSettings settings;
  private ChainNode node;
  private PaymentStore store;
  private AuditTrail auditTrail;
  private ProviderSigner signer;
  private Clock clock;

  @Inject
  ChainPayments(
      ChainSettings settings,
      ChainNode node,
      PaymentStore store,
      AuditTrail auditTrail,
      ProviderSigner signer,
      Clock clock) {
    this.settings = settings;
    this.node = node;
    this.store = store;
    this.auditTrail = auditTrail;
    this.signer = signer;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected ChainPayments() {}

  /** A payment that met its quote, ready to be recorded. */
  public record Verified(Due due, PaymentStore.Paid paid) {}

  @Override
  public boolean enabled() {
    return node.configured();
  }

  @Override
  public long chainId() {
    return settings.chainId();
  }

  /** The environment fees' payee: the configured account, or this provider's own address. */
  public Address feeAddress() {
    return settings.feeAddress().map(Address::parse).orElseGet(signer::address);
  }

  /** Quotes the item (and remembers the quote). */
  public PaymentQuote quote(Address consumer, Due due) {
    requireOurChain(due);
    if (!node.configured()) {
      throw noChain(due);
    }
    BigInteger units = units(due.amount(), node.decimals(due.token()));
    Instant now = clock.instant();
    StoredQuote quote =
        new StoredQuote(
            0,
            due.payee(),
            due.token(),
            due.chainId(),
            units,
            now,
            now.plus(settings.quoteValidity()));
    store.saveQuote(consumer, due.item(), quote, settings.quoteLimit(), settings.quoteRetention());
    return new PaymentQuote(
        due.item(),
        due.payee(),
        due.token(),
        due.chainId(),
        due.amount(),
        units,
        quote.validUntil());
  }

  /**
   * Checks every due against the transaction named for it, asking the chain node; nothing is
   * recorded yet. Refuses the first due that is not paid.
   */
  public List<Verified> verify(Address consumer, List<Due> dues) {
    List<Verified> verified = new ArrayList<>();
    Set<String> named = new HashSet<>();
    for (Due due : dues) {
      String tx =
          due.txHash().map(t -> t.trim().toLowerCase(Locale.ROOT)).orElseThrow(() -> required(due));
      if (!TX_HASH.matcher(tx).matches()) {
        throw new PaymentRefusal(
            PaymentReason.PAYMENT_NOT_FOUND, due.item(), "transferTxId is 0x and 64 hex digits");
      }
      if (!named.add(tx)) {
        throw reused(due);
      }
      verified.add(verify(consumer, due, tx));
    }
    return verified;
  }

  private Verified verify(Address consumer, Due due, String tx) {
    requireOurChain(due);
    if (!node.configured()) {
      throw noChain(due);
    }
    if (store.used(settings.chainId(), tx)) {
      throw reused(due);
    }
    ChainFacts facts = node.facts(tx, due.item());
    StoredQuote quote =
        PaymentCheck.check(
            consumer,
            due.item(),
            settings.chainId(),
            settings.confirmations(),
            store.quotes(consumer, due.item()),
            facts);
    return new Verified(
        due,
        new PaymentStore.Paid(
            settings.chainId(),
            tx,
            consumer,
            quote.payee(),
            quote.token(),
            PaymentCheck.paid(quote, consumer, facts),
            due.item(),
            due.asset().map(Did::value)));
  }

  /**
   * Records the payments in the caller's transaction, each with its ledger entry; a transaction
   * used meanwhile (a concurrent request) is refused and rolls everything back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(List<Verified> payments, String paidFor) {
    Instant now = clock.instant();
    // Inserted in one order (by hash) before any ledger append, so two requests naming the same
    // transactions wait on each other rather than deadlock.
    List<Verified> ordered =
        payments.stream().sorted(java.util.Comparator.comparing(v -> v.paid().txHash())).toList();
    for (Verified v : ordered) {
      try {
        store.record(v.paid(), paidFor, now);
      } catch (PaymentStore.AlreadyUsed e) {
        throw reused(v.due());
      }
    }
    for (Verified v : payments) {
      auditTrail.record(
          new AuditEvent(
              v.paid().payer(),
              "payment-received",
              v.due().asset().map(Did::value).orElse(v.due().item()),
              ledgerPayload(v, paidFor),
              AuditEvent.parties(v.paid().payer(), v.paid().payee())));
    }
  }

  private static jakarta.json.JsonObject ledgerPayload(Verified v, String paidFor) {
    PaymentStore.Paid p = v.paid();
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("txHash", p.txHash())
            .add("chainId", p.chainId())
            .add("payer", p.payer().value())
            .add("payee", p.payee().value())
            .add("token", p.token().orElse("native"))
            .add("amount", p.units().toString())
            .add("item", p.item())
            .add("paidFor", paidFor);
    return json.build();
  }

  @Override
  public List<Earning> earnings(Address payee) {
    List<Earning> earnings = new ArrayList<>();
    for (PaymentStore.Total t : store.totals(payee)) {
      int decimals = t.token().isEmpty() ? 18 : decimalsOrRaw(t.token());
      earnings.add(
          new Earning(
              t.asset(),
              t.item(),
              t.token(),
              t.chainId(),
              new BigDecimal(t.units()).movePointLeft(decimals).stripTrailingZeros(),
              t.payments()));
    }
    return earnings;
  }

  private int decimalsOrRaw(Optional<String> token) {
    try {
      return node.decimals(token);
    } catch (RuntimeException e) {
      return 0; // the chain is away: show the smallest units rather than nothing
    }
  }

  /** The amount in the token's smallest unit, rounded up so the payee never gets less. */
  static BigInteger units(BigDecimal amount, int decimals) {
    return amount.movePointRight(decimals).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
  }

  private void requireOurChain(Due due) {
    if (due.chainId() != settings.chainId()) {
      throw new PaymentRefusal(
          PaymentReason.PAYMENT_WRONG_CHAIN,
          due.item(),
          "the price is on chain "
              + due.chainId()
              + "; this provider takes payments on chain "
              + settings.chainId()
              + " only");
    }
  }

  private static PaymentRefusal required(Due due) {
    return new PaymentRefusal(
        PaymentReason.PAYMENT_REQUIRED,
        due.item(),
        "pay "
            + due.amount().toPlainString()
            + " "
            + due.token().orElse("native coin")
            + " to "
            + due.payee().value()
            + " and name the transaction (transferTxId)");
  }

  /** Without a chain node, a price can neither be turned into units nor paid. */
  private static PaymentRefusal noChain(Due due) {
    return new PaymentRefusal(
        PaymentReason.PAYMENT_REQUIRED,
        due.item(),
        "this provider has no chain node configured (COVE_CHAIN_RPC_URL) and takes no payments");
  }

  private static PaymentRefusal reused(Due due) {
    return new PaymentRefusal(
        PaymentReason.PAYMENT_REUSED, due.item(), "the transaction has paid for something before");
  }
}
