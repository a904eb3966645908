package org.cove.provider.internal.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.ProviderSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where and how payments are verified: the chain node (JSON-RPC URL; none: no payments), its chain
 * id, how many confirmations a payment needs, how long a quote stays valid, how many one consumer
 * may hold and how long an expired one is kept, and the account that environment fees are paid to
 * (none: the provider's own address).
 */
@ApplicationScoped
class ChainSettings {

  @Inject
  @ConfigProperty(name = "cove.chain.rpc.url")
  Optional<String> rpcUrl;

  @Inject
  @ConfigProperty(name = "cove.chain.id")
  long chainId;

  @Inject
  @ConfigProperty(name = "cove.chain.confirmations", defaultValue = "1")
  int confirmations;

  @Inject
  @ConfigProperty(name = "cove.chain.quote.validity.seconds", defaultValue = "600")
  long quoteValiditySeconds;

  @Inject
  @ConfigProperty(name = "cove.chain.quote.limit", defaultValue = "100")
  int quoteLimit;

  @Inject
  @ConfigProperty(name = "cove.chain.quote.retention.seconds", defaultValue = "86400")
  long quoteRetentionSeconds;

  @Inject
  @ConfigProperty(name = "cove.chain.fee.address")
  Optional<String> feeAddress;

  @Inject ProviderSigner signer;

  Optional<String> rpcUrl() {
    return rpcUrl.map(String::trim).filter(u -> !u.isEmpty());
  }

  long chainId() {
    return chainId;
  }

  int confirmations() {
    return Math.max(1, confirmations);
  }

  Duration quoteValidity() {
    return Duration.ofSeconds(Math.max(1, quoteValiditySeconds));
  }

  /** How many unexpired quotes one consumer may have at a time. */
  int quoteLimit() {
    return Math.max(1, quoteLimit);
  }

  /**
   * How long an expired quote is kept: a payment mined while it was valid can be used this long
   * after it expired; after that, the quote is swept and the payment counts as expired.
   */
  Duration quoteRetention() {
    return Duration.ofSeconds(Math.max(0, quoteRetentionSeconds));
  }

  Address feeAddress() {
    return feeAddress
        .map(String::trim)
        .filter(a -> !a.isEmpty())
        .map(Address::parse)
        .orElseGet(signer::address);
  }
}
