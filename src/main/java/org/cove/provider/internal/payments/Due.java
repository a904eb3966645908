package org.cove.provider.internal.payments;

import java.math.BigDecimal;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * A priced item of a request: what is paid for ({@code item}, see PaymentQuote), the asset it
 * belongs to (none for an environment fee), to whom, in which token (none: the native coin) on
 * which chain, how much, and the transaction the consumer names as paying it, if any.
 */
public record Due(
    String item,
    Optional<Did> asset,
    Address payee,
    Optional<String> token,
    long chainId,
    BigDecimal amount,
    Optional<String> txHash) {

  /**
   * A service's price as a due, paid to the asset's publisher; none when it is free or the consumer
   * is the publisher. A price without a chain id is on {@code defaultChain}.
   */
  public static Optional<Due> of(
      org.cove.provider.Service service,
      org.cove.provider.Asset asset,
      Address consumer,
      Optional<String> txHash,
      long defaultChain) {
    if (service.price().isFree() || asset.publisher().equals(consumer)) {
      return Optional.empty();
    }
    return Optional.of(
        new Due(
            org.cove.provider.PaymentQuote.serviceItem(asset.did(), service.id()),
            Optional.of(asset.did()),
            asset.publisher(),
            service.price().token(),
            service.price().chainId().orElse(defaultChain),
            service.price().amount(),
            txHash));
  }
}
