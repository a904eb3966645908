package org.cove.ledger.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.internal.AnchorStore.Stored;
import org.cove.shared.ChainAnchors;
import org.cove.shared.ChainAnchors.Signed;
import org.cove.shared.DatabaseException;

/**
 * Anchors the newest checkpoint on the chain, when one is configured: signs the transaction and
 * stores it in one transaction ({@link #prepareNewest}), which commits before it is sent ({@link
 * #send}), so that the chain never holds an anchor the ledger does not know, then sends it. A
 * checkpoint anchored once is not anchored again unless its anchor was still not mined after {@link
 * #RESEND_AFTER} (never sent, or dropped by the node); older checkpoints are not anchored, since
 * the newest one's head covers them.
 */
@ApplicationScoped
class Anchorer {

  static final Duration RESEND_AFTER = Duration.ofMinutes(10);

  @Resource(lookup = "jdbc/cove")
  DataSource dataSource;

  private ChainAnchors chain;
  private Clock clock;
  private volatile long confirmedSize;

  @Inject
  Anchorer(ChainAnchors chain, Clock clock) {
    this.chain = chain;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected Anchorer() {}

  /**
   * In a transaction of its own, under a lock no other replica holds meanwhile: the signed anchor
   * of the newest checkpoint, stored, if that checkpoint needs one.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  Optional<Signed> prepareNewest() {
    if (!chain.configured()) {
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!AnchorStore.tryLock(connection)) {
        return Optional.empty();
      }
      Optional<Checkpoint> newest = CheckpointStore.latest(connection);
      if (newest.isEmpty() || newest.get().size() <= confirmedSize) {
        return Optional.empty();
      }
      long size = newest.get().size();
      Instant now = clock.instant();
      if (!needsAnchor(AnchorStore.of(connection, size), now)) {
        return Optional.empty();
      }
      Signed signed = chain.prepare(newest.get().head());
      AnchorStore.insert(connection, size, signed.transaction(), now);
      return Optional.of(signed);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private boolean needsAnchor(List<Stored> anchors, Instant now) {
    if (anchors.isEmpty()) {
      return true;
    }
    if (anchors.stream().anyMatch(a -> a.created().plus(RESEND_AFTER).isAfter(now))) {
      return false;
    }
    if (anchors.stream().anyMatch(this::confirmed)) {
      confirmedSize = anchors.get(0).size();
      return false;
    }
    return true;
  }

  private boolean confirmed(Stored anchor) {
    return chain.read(anchor.transaction()).map(ChainAnchors.OnChain::confirmed).orElse(false);
  }

  /** Sends what {@link #prepareNewest} stored, once it committed. */
  void send(Signed anchor) {
    chain.send(anchor);
  }
}
