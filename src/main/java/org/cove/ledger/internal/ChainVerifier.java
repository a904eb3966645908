package org.cove.ledger.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.Verification;

/**
 * Walks entries in sequence order and finds the first one that breaks the chain: a gap, a wrong
 * previous hash, or a hash that does not match the entry's content. Checkpoints and anchors then
 * catch what the chain alone cannot: a cut-off tail, or a rewritten chain whose hashes were all
 * recomputed. An anchor is read from the chain, so it catches that even when the checkpoints were
 * rewritten and signed again.
 */
final class ChainVerifier {

  /**
   * A head the chain must have at {@code size}, where it is known from (as in "differs from {@code
   * source}") and what it is (as in "{@code kind} covers …").
   */
  record Mark(long size, String head, String source, String kind) {

    static Mark checkpoint(Checkpoint checkpoint) {
      return new Mark(
          checkpoint.size(), checkpoint.head(), "its signed checkpoint", "a checkpoint");
    }

    static Mark anchor(long size, String head, String transaction) {
      return new Mark(size, head, "its anchor in transaction " + transaction, "an anchor");
    }
  }

  private final List<Mark> marks;
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
    this(checkpoints, signatureValid, List.of());
  }

  /**
   * @param anchored heads read from anchor transactions on the chain
   */
  ChainVerifier(
      List<Checkpoint> checkpoints, Predicate<Checkpoint> signatureValid, List<Mark> anchored) {
    this.marks =
        Stream.concat(
                checkpoints.stream().filter(signatureValid).map(Mark::checkpoint),
                anchored.stream())
            .filter(m -> m.size() > 0)
            .sorted(Comparator.comparingLong(Mark::size))
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

  /** Every mark at this size must match; the break is named after the last size that did. */
  private boolean matchesCheckpoints() {
    long matchedBefore = lastMatchingCheckpoint;
    while (nextCheckpoint < marks.size() && marks.get(nextCheckpoint).size() <= size) {
      Mark mark = marks.get(nextCheckpoint++);
      if (mark.size() == size && !mark.head().equals(head)) {
        return broken(
            matchedBefore + 1, "the chain up to entry " + size + " differs from " + mark.source());
      }
      lastMatchingCheckpoint = mark.size();
    }
    return true;
  }

  Verification result() {
    if (firstBroken == null && nextCheckpoint < marks.size()) {
      Mark last = marks.get(marks.size() - 1);
      broken(
          size + 1,
          "entries after " + size + " are gone: " + last.kind() + " covers " + last.size());
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
