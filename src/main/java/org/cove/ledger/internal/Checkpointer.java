package org.cove.ledger.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes checkpoints without anyone asking: every {@link #PASS} it checkpoints the head if the
 * policy says one is due, then anchors the newest checkpoint on the chain if it needs it. The
 * policy is read from the database under the append lock, so replicas agree on it. A failing chain
 * node (or an account too poor to pay) is tried again after cove.ledger.anchor.retry.seconds, and
 * said once in the log rather than at every pass.
 */
@ApplicationScoped
class Checkpointer {

  /**
   * How often the policy is looked at: how long past the due moment a checkpoint may come. A pass
   * costs two index lookups.
   */
  static final Duration PASS = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  private JdbcLedger ledger;
  private Anchorer anchorer;
  private CheckpointPolicy policy;
  private Clock clock;
  private Duration anchorRetry;
  private ScheduledFuture<?> passes;
  private Instant nextAnchorAttempt = Instant.MIN;
  private String lastProblem;

  @Inject
  Checkpointer(
      JdbcLedger ledger,
      Anchorer anchorer,
      Clock clock,
      @ConfigProperty(name = "cove.ledger.checkpoint.entries", defaultValue = "1000") long entries,
      @ConfigProperty(name = "cove.ledger.checkpoint.minutes", defaultValue = "60") long minutes,
      @ConfigProperty(name = "cove.ledger.anchor.retry.seconds", defaultValue = "60")
          long anchorRetrySeconds) {
    this.ledger = ledger;
    this.anchorer = anchorer;
    this.clock = clock;
    this.policy = CheckpointPolicy.of(entries, minutes);
    this.anchorRetry = Duration.ofSeconds(Math.max(1, anchorRetrySeconds));
  }

  /** For CDI's proxy. */
  protected Checkpointer() {}

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    passes =
        scheduler.scheduleWithFixedDelay(
            this::pass, PASS.toSeconds(), PASS.toSeconds(), TimeUnit.SECONDS);
  }

  /** One pass; nothing it meets stops the next one. */
  synchronized void pass() {
    try {
      ledger.checkpointIfDue(policy);
    } catch (RuntimeException e) {
      problem("A ledger checkpoint could not be made: " + e.getMessage());
      return;
    }
    anchor();
  }

  private void anchor() {
    Instant now = clock.instant();
    if (now.isBefore(nextAnchorAttempt)) {
      return;
    }
    try {
      anchorer.prepareNewest().ifPresent(anchorer::send);
      if (lastProblem != null) {
        LOG.info("Ledger checkpoints are made and anchored again");
        lastProblem = null;
      }
    } catch (RuntimeException e) {
      nextAnchorAttempt = now.plus(anchorRetry);
      problem("A ledger checkpoint could not be anchored on the chain: " + e.getMessage());
    }
  }

  /** Logged when it first happens or changes, not at every pass. */
  private void problem(String message) {
    if (!message.equals(lastProblem)) {
      LOG.warning(message);
      lastProblem = message;
    }
  }

  @PreDestroy
  void stop() {
    if (passes != null) {
      passes.cancel(false);
    }
  }
}
