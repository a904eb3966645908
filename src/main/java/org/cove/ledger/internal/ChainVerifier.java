package org.cove.ledger.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.Verification;

/**
 * Walks entries in sequence order and finds the first one that breaks the chain: a gap, a wrong
 * previous hash, or a hash that does not match the entry's content. Checkpoints then catch what the
 * chain alone cannot: a cut-off tail, or a rewritten chain whose hashes were all recomputed.
 */
final class ChainVerifier {

  private final List<Checkpoint> checkpoints;
  private final Optional<Checkpoint> forged;
  private long size;
  private String head = EntryHasher.GENESIS;
  private Long firstBroken;
  private String reason;
  private long lastMatchingCheckpoint;
  private int nextCheckpoint;

  /**
   * @param checkpoints checkpoints to check the chain against
   * @param signatureValid whether a checkpoint carries a valid signature by a trusted key; the
   *     others are reported and not relied on
   */
  ChainVerifier(List<Checkpoint> checkpoints, Predicate<Checkpoint> signatureValid) {
    this.checkpoints =
        checkpoints.stream()
            .filter(signatureValid)
            .filter(c -> c.size() > 0)
            .sorted(Comparator.comparingLong(Checkpoint::size))
            .toList();
    this.forged = checkpoints.stream().filter(signatureValid.negate()).findFirst();
  }

  /** Feeds the next entry; returns false once the chain is broken (later entries are moot). */
  boolean accept(LedgerEntry entry) {
    if (firstBroken != null) {
      return false;
    }
    long expected = size + 1;
    if (entry.sequence() != expected) {
      return broken(expected, "entry " + expected + " is missing or out of place");
    }
    if (!entry.previousHash().equals(head)) {
      return broken(expected, "entry " + expected + " does not follow the entry before it");
    }
    String canonical =
        EntryHasher.canonicalEntry(
            entry.sequence(),
            entry.time(),
            entry.actor(),
            entry.kind(),
            entry.subject(),
            entry.parties(),
            entry.payload());
    if (!EntryHasher.hash(head, canonical).equals(entry.hash())) {
      return broken(expected, "entry " + expected + " was altered");
    }
    size = expected;
    head = entry.hash();
    return matchesCheckpoints();
  }

  /** An entry whose stored fields are not even well-formed (an actor that is no address). */
  boolean unreadable(long sequence) {
    long expected = size + 1;
    return sequence == expected
        ? broken(expected, "entry " + expected + " was altered")
        : broken(expected, "entry " + expected + " is missing or out of place");
  }

  private boolean matchesCheckpoints() {
    while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).size() <= size) {
      Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
      if (checkpoint.size() == size && !checkpoint.head().equals(head)) {
        return broken(
            lastMatchingCheckpoint + 1,
            "the chain up to entry " + size + " differs from its signed checkpoint");
      }
      lastMatchingCheckpoint = checkpoint.size();
    }
    return true;
  }

  Verification result() {
    if (firstBroken == null && nextCheckpoint < checkpoints.size()) {
      long covered = checkpoints.get(checkpoints.size() - 1).size();
      broken(size + 1, "entries after " + size + " are gone: a checkpoint covers " + covered);
    }
    if (firstBroken == null && forged.isPresent()) {
      String why = "the checkpoint at size " + forged.get().size() + " has an invalid signature";
      return new Verification(false, size, head, null, why);
    }
    return new Verification(firstBroken == null, size, head, firstBroken, reason);
  }

  private boolean broken(long sequence, String why) {
    firstBroken = sequence;
    reason = why;
    return false;
  }
}
