package org.cove.provider;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cove.shared.Address;

/**
 * What one priced item of a request costs, and how to pay it: send {@code units} (the {@code
 * amount} in the token's smallest unit) of {@code token} (absent: the chain's native coin) on
 * {@code chainId} to {@code payee}, from the consumer's own account, before {@code validUntil};
 * then name the transaction ({@code transferTxId}) when using the item. {@code item} says what is
 * paid for: {@code <did>/<serviceId>} for a dataset's or algorithm's service, {@code
 * environment/<id>} for the compute environment.
 */
public record PaymentQuote(
    String item,
    Address payee,
    Optional<String> token,
    long chainId,
    BigDecimal amount,
    BigInteger units,
    Instant validUntil) {

  public PaymentQuote {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(payee, "payee");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(validUntil, "validUntil");
  }

  /** The item key of an asset's service. */
  public static String serviceItem(org.cove.shared.Did did, String serviceId) {
    return did.value() + "/" + serviceId;
  }

  /** The item key of a compute environment's fee. */
  public static String environmentItem(String environmentId) {
    return "environment/" + environmentId;
  }
}
