package org.cove.provider;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.cove.shared.ProblemType;

/**
 * A payment that does not (yet) pay for what it is named for. The problem response carries the
 * reason code, the item concerned and, for a pending payment, when to ask again.
 */
public class PaymentRefusal extends ProviderException {

  public static final ProblemType REFUSED =
      new ProblemType("payment-refused", 402, "The payment does not pay for this");

  private final PaymentReason reason;
  private final String item;
  private final Optional<Duration> retryAfter;

  public PaymentRefusal(PaymentReason reason, String item, String detail) {
    this(reason, item, detail, Optional.empty());
  }

  public PaymentRefusal(
      PaymentReason reason, String item, String detail, Optional<Duration> retryAfter) {
    super(
        reason == PaymentReason.PAYMENT_REQUIRED ? PAYMENT_REQUIRED : REFUSED,
        reason.code() + ": " + detail);
    this.reason = reason;
    this.item = item;
    this.retryAfter = retryAfter;
  }

  public PaymentReason reason() {
    return reason;
  }

  public String item() {
    return item;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  @Override
  public JsonObject extensions() {
    return JSON.createObjectBuilder().add("reason", reason.code()).add("item", item).build();
  }
}
