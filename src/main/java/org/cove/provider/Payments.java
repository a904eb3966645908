package org.cove.provider;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;

/** What was paid: the earnings of a payee (a publisher, the operator) per asset and token. */
public interface Payments {

  List<Earning> earnings(Address payee);

  /** Whether payments can be verified here: a chain node is configured. */
  boolean enabled();

  /** The chain this provider verifies payments on. */
  long chainId();

  /**
   * The total paid to the payee for one item ({@code asset}: a DID, or absent for environment
   * fees), in one token, with the number of payments.
   */
  record Earning(
      Optional<String> asset,
      String item,
      Optional<String> token,
      long chainId,
      BigDecimal amount,
      long payments) {}
}
