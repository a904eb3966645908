package org.cove.provider.internal.payments;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;

/**
 * What the chain node says about one transaction: on which chain (the node's, and the one the
 * transaction was signed for, if it says), who sent it, to whom, with what native value, whether it
 * succeeded, where it was mined and when, how far the chain has gone since, and the ERC-20 Transfer
 * events it emitted.
 */
record ChainFacts(
    long nodeChainId,
    Optional<Long> txChainId,
    Address from,
    Optional<Address> to,
    BigInteger value,
    boolean succeeded,
    BigInteger blockNumber,
    BigInteger latestBlock,
    Instant blockTime,
    List<Transfer> transfers) {

  ChainFacts {
    transfers = List.copyOf(transfers);
  }

  /** An ERC-20 Transfer event: emitted by {@code token}, from, to, value. */
  record Transfer(String token, Address from, Address to, BigInteger value) {}

  long confirmations() {
    return latestBlock.subtract(blockNumber).add(BigInteger.ONE).max(BigInteger.ZERO).longValue();
  }
}
