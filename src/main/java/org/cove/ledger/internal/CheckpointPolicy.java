package org.cove.ledger.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the next checkpoint is due (cove.ledger.checkpoint.*): once {@code entries} entries are not
 * covered by one, or once the oldest entry not covered has waited {@code age}; never while every
 * entry is covered, so an idle ledger makes none. A rewrite of the chain by the database's owner
 * goes unnoticed only within that window.
 */
record CheckpointPolicy(long entries, Duration age) {

  /**
   * @param size the chain's size
   * @param covered the largest checkpoint's size
   * @param oldestUncovered when entry {@code covered + 1} was recorded, if there is one
   */
  record Coverage(long size, long covered, Optional<Instant> oldestUncovered) {}

  CheckpointPolicy {
    entries = Math.max(1, entries);
    age = age.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : age;
  }

  static CheckpointPolicy of(long entries, long minutes) {
    return new CheckpointPolicy(entries, Duration.ofMinutes(Math.max(1, minutes)));
  }

  boolean due(Coverage coverage, Instant now) {
    long uncovered = coverage.size() - coverage.covered();
    if (uncovered <= 0) {
      return false;
    }
    return uncovered >= entries
        || coverage.oldestUncovered().map(t -> !t.plus(age).isAfter(now)).orElse(false);
  }
}
