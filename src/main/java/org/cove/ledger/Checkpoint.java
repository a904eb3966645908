package org.cove.ledger;

import java.time.Instant;
import org.cove.shared.Address;

/**
 * The chain's head at some size, signed by the provider key (EIP-191 over {@link #signedText()}).
 * Kept outside Cove, a checkpoint proves the ledger once held at least {@code size} entries ending
 * in {@code head}.
 */
public record Checkpoint(long size, String head, Instant time, Address signer, String signature) {

  /** The exact text signed: canonical JSON of head, size and time. */
  public String signedText() {
    return "{\"head\":\""
        + head
        + "\",\"size\":"
        + size
        + ",\"time\":\""
        + Times.format(time)
        + "\"}";
  }
}
