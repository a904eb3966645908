package org.cove.ledger;

/**
 * The outcome of walking the chain: {@code firstBroken} names the first entry (by sequence) that is
 * missing, altered or out of place, and {@code reason} says what was found. {@code ok} is also
 * false when an anchor on the chain contradicts the ledger ({@link Anchors#mismatches()}).
 */
public record Verification(
    boolean ok, long size, String head, Long firstBroken, String reason, Anchors anchors) {

  /** The chain's own verdict, before any anchor was read (none: no chain is configured). */
  public Verification(boolean ok, long size, String head, Long firstBroken, String reason) {
    this(ok, size, head, firstBroken, reason, Anchors.NOT_CONFIGURED);
  }
}
