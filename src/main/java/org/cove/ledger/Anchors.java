package org.cove.ledger;

import java.util.List;
import java.util.Optional;

/**
 * What verification read back from the chain about the checkpoints' anchors. Anchors are read
 * newest first until one is confirmed: its head, being the chain's hash at its size, vouches for
 * every entry up to there, so the older ones add nothing.
 *
 * @param stored anchors the ledger holds
 * @param checked anchor transactions read from the chain
 * @param latest the newest anchor the chain confirmed; the chain was checked against it
 * @param pending anchors read but not (yet) mined, or unknown to the node
 * @param mismatches what the chain contradicts: an anchor from another account or holding no head,
 *     or more transactions from the provider's account than the ledger holds anchors
 * @param unchecked why the chain was not read (no chain configured, the node did not answer)
 */
public record Anchors(
    int stored,
    int checked,
    Optional<Anchor> latest,
    int pending,
    List<String> mismatches,
    Optional<String> unchecked) {

  public static final Anchors NOT_CONFIGURED = unchecked(0, "no chain is configured");

  public Anchors {
    mismatches = List.copyOf(mismatches);
  }

  public static Anchors unchecked(int stored, String why) {
    return new Anchors(stored, 0, Optional.empty(), 0, List.of(), Optional.of(why));
  }

  /**
   * A checkpoint's head as a transaction on the chain holds it.
   *
   * @param size the checkpoint's size
   */
  public record Anchor(long size, String head, String transaction) {}
}
