package org.cove.provider;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one use of a service costs: an exact decimal amount of a token (absent: the chain's native
 * coin) on a chain. Zero is free.
 */
public record Price(BigDecimal amount, Optional<String> token, Optional<Long> chainId) {

  public static final Price FREE = new Price(BigDecimal.ZERO, Optional.empty(), Optional.empty());

  public boolean isFree() {
    return amount.signum() == 0;
  }
}
