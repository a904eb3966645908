package org.cove.engine.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Environments;
import org.cove.operator.JobId;

/**
 * Deletes finished jobs, results and all, once their environment's {@code storageExpiry} has passed
 * since they finished (seven days where the environment is gone or sets none).
 */
final class ExpirySweep implements Runnable {

  private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
  static final Duration FALLBACK = Duration.ofDays(7);

  private final JobStore store;
  private final Environments environments;
  private final Clock clock;

  ExpirySweep(JobStore store, Environments environments, Clock clock) {
    this.store = store;
    this.environments = environments;
    this.clock = clock;
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    for (JobId id : store.ids()) {
      store
          .state(id)
          .flatMap(JobState::dateFinished)
          .flatMap(finished -> expiry(id).map(finished::plus))
          .filter(expires -> !expires.isAfter(now))
          .ifPresent(expires -> delete(id));
    }
  }

  /** Empty when the environments cannot be read now: results are kept, never deleted early. */
  private Optional<Duration> expiry(JobId id) {
    String environment = store.spec(id).orElseThrow().environment();
    try {
      return Optional.of(
          environments
              .find(environment)
              .map(ComputeEnvironment::storageExpiry)
              .filter(seconds -> seconds > 0)
              .map(Duration::ofSeconds)
              .orElse(FALLBACK));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Environments unavailable; expiry waits", e);
      return Optional.empty();
    }
  }

  private void delete(JobId id) {
    try {
      store.delete(id);
      LOG.fine("Deleted expired job " + id);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Expired job " + id + " could not be deleted", e);
    }
  }
}
