package org.cove.shared;

import java.util.Optional;

/**
 * Writes the ledger's checkpointed heads into transactions on the configured chain and reads them
 * back, so that history cannot be rewritten even by whoever owns the database: a transaction, once
 * mined, is out of everyone's reach. Each anchor is a transaction of no value from the provider's
 * account to itself whose data is the head's 32 bytes. The provider module implements it (it talks
 * to the chain node, and has the provider key sign through identity); the ledger uses it.
 */
public interface ChainAnchors {

  /** Whether a chain node is configured at all. */
  boolean configured();

  /**
   * Builds and signs the transaction anchoring {@code head} (64 hex digits), without sending it, so
   * that its hash can be stored before it can be mined.
   *
   * @throws CoveException when the node cannot be reached or the provider's account cannot pay
   */
  Signed prepare(String head);

  /** Sends a transaction {@link #prepare} signed. */
  void send(Signed anchor);

  /** What the chain holds under the transaction hash; empty when the node does not know it. */
  Optional<OnChain> read(String transaction);

  /** How many transactions of the provider's account the chain has mined (its nonce). */
  long mined();

  /** A signed transaction and its hash. */
  record Signed(String transaction, String raw) {
    @Override
    public String toString() {
      return "Signed[" + transaction + "]";
    }
  }

  /**
   * A transaction as the chain holds it.
   *
   * @param data its call data, hex with 0x
   * @param confirmed mined, and executed without failing
   */
  record OnChain(Address from, String data, boolean confirmed) {}
}
