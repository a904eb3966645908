package org.cove.provider.internal.catalogue;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a price's amount may be. A quote turns it into the token's smallest units, stored as {@code
 * numeric(78, 0)} and paid as a uint256: with a token's usual 18 decimals an amount must stay below
 * 10^59 to fit. {@code 1e999999} is a valid decimal and none of these.
 */
final class PriceAmounts {

  static final int MAX_DECIMALS = 18;
  static final int MAX_WHOLE_DIGITS = 59;

  private PriceAmounts() {}

  /** Why the amount cannot be a price, if it cannot. */
  static Optional<String> problem(BigDecimal amount) {
    if (amount.signum() < 0) {
      return Optional.of("must not be negative");
    }
    BigDecimal exact = amount.stripTrailingZeros();
    if (exact.scale() > MAX_DECIMALS) {
      return Optional.of("may have at most " + MAX_DECIMALS + " decimal places");
    }
    if ((long) exact.precision() - exact.scale() > MAX_WHOLE_DIGITS) {
      return Optional.of("must be less than 1e" + MAX_WHOLE_DIGITS);
    }
    return Optional.empty();
  }
}
