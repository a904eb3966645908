package org.cove.provider.internal.payments;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.cove.shared.Address;

/** A quote as Cove remembers it: the terms a payment must meet, in the token's smallest unit. */
record StoredQuote(
    long id,
    Address payee,
    Optional<String> token,
    long chainId,
    BigInteger units,
    Instant issuedAt,
    Instant validUntil) {

  /**
   * Whether a payment mined at {@code blockTime} falls within the quote. Block times are whole
   * seconds, so the issue time is taken to its second.
   */
  boolean covers(Instant blockTime) {
    return !blockTime.isBefore(issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        && !blockTime.isAfter(validUntil);
  }
}
