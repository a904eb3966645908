package org.cove.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cove.ledger.Anchors;
import org.cove.ledger.Anchors.Anchor;
import org.cove.ledger.internal.AnchorStore.Stored;
import org.cove.ledger.internal.ChainVerifier.Mark;
import org.cove.shared.Address;
import org.cove.shared.ChainAnchors;
import org.cove.shared.ChainAnchors.OnChain;
import org.cove.shared.CoveException;

/**
 * Reads the ledger's anchors back from the chain, newest first, until one is confirmed: the head it
 * carries is what the chain must hash to at its size, which the verifier then checks, and being a
 * hash of every entry before it, it vouches for them all. On the way it reports anchors not mined
 * (yet) and those the chain contradicts. Last, it compares the provider account's transaction count
 * with the anchors stored: each anchor is stored before it is sent, so a count above theirs means
 * anchors were removed from the database (which its owner could do, together with rewriting the
 * chain and its checkpoints).
 */
final class AnchorReadback {

  /** How many of the newest anchors are read at most, looking for a confirmed one. */
  static final int MAX_READ = 100;

  /** The heads to check the chain against, and the report. */
  record Outcome(List<Mark> marks, Anchors anchors) {}

  private final ChainAnchors chain;
  private final Address provider;
  private final List<String> mismatches = new ArrayList<>();
  private int checked;
  private int pending;
  private Optional<Anchor> latest = Optional.empty();

  private AnchorReadback(ChainAnchors chain, Address provider) {
    this.chain = chain;
    this.provider = provider;
  }

  static Outcome read(List<Stored> newestFirst, int stored, ChainAnchors chain, Address provider) {
    if (!chain.configured()) {
      return new Outcome(List.of(), Anchors.unchecked(stored, "no chain is configured"));
    }
    AnchorReadback readback = new AnchorReadback(chain, provider);
    try {
      readback.readUntilConfirmed(newestFirst);
      readback.compareCount(stored);
      return readback.outcome(stored, Optional.empty());
    } catch (CoveException unavailable) {
      return readback.outcome(stored, Optional.of(unavailable.detail()));
    }
  }

  private void readUntilConfirmed(List<Stored> newestFirst) {
    for (Stored anchor : newestFirst) {
      Optional<OnChain> transaction = chain.read(anchor.transaction());
      checked++;
      if (transaction.isEmpty() || !transaction.get().confirmed()) {
        pending++;
      } else if (!transaction.get().from().equals(provider)) {
        mismatches.add(describe(anchor) + " was not sent by the provider's account");
      } else if (!transaction.get().data().matches("0x[0-9a-f]{64}")) {
        mismatches.add(describe(anchor) + " holds no ledger head");
      } else {
        String head = transaction.get().data().substring(2);
        latest = Optional.of(new Anchor(anchor.size(), head, anchor.transaction()));
        return;
      }
    }
  }

  private void compareCount(int stored) {
    long sent = chain.mined();
    if (sent > stored) {
      mismatches.add(
          "the provider's account has "
              + sent
              + " transactions on the chain but the ledger holds "
              + stored
              + " anchors: anchors were removed (or the provider key sends other transactions)");
    }
  }

  private Outcome outcome(int stored, Optional<String> unchecked) {
    List<Mark> marks =
        latest
            .map(a -> List.of(Mark.anchor(a.size(), a.head(), a.transaction())))
            .orElse(List.of());
    return new Outcome(marks, new Anchors(stored, checked, latest, pending, mismatches, unchecked));
  }

  private static String describe(Stored anchor) {
    return "transaction " + anchor.transaction() + " (the anchor of entry " + anchor.size() + ")";
  }
}
