package org.cove.provider.internal.payments;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how payments are verified: the chain node (JSON-RPC URL; none: no payments), its chain
 * id, how many confirmations a payment needs, how long a quote stays valid, how many unexpired
 * quotes one consumer may hold, how long an expired one is kept (a payment mined while it was valid
 * can be used this long after it expired; after that the quote is swept and the payment counts as
 * expired), and the account that environment fees are paid to (none: the provider's own address).
 */
public record ChainSettings(
    Optional<String> rpcUrl,
    long chainId,
    int confirmations,
    Duration quoteValidity,
    int quoteLimit,
    Duration quoteRetention,
    Optional<String> feeAddress) {

  /** The settings as configured, blanks read as absent and every bound at least its least. */
  static ChainSettings of(
      Optional<String> rpcUrl,
      long chainId,
      int confirmations,
      long quoteValiditySeconds,
      int quoteLimit,
      long quoteRetentionSeconds,
      Optional<String> feeAddress) {
    return new ChainSettings(
        nonBlank(rpcUrl),
        chainId,
        Math.max(1, confirmations),
        Duration.ofSeconds(Math.max(1, quoteValiditySeconds)),
        Math.max(1, quoteLimit),
        Duration.ofSeconds(Math.max(0, quoteRetentionSeconds)),
        nonBlank(feeAddress));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }
}
