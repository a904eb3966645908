package org.cove.engine.internal.local;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.StorageExpiry;
import org.cove.operator.JobId;
import org.cove.shared.LogSafe;

/**
 * Deletes finished jobs, results and all, once their environment's {@code storageExpiry} has passed
 * since they finished (seven days where the environment is gone or sets none).
 */
final class ExpirySweep implements Runnable {

  private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());

  private final JobStore store;
  private final StorageExpiry expiry;
  private final Clock clock;

  ExpirySweep(JobStore store, StorageExpiry expiry, Clock clock) {
    this.store = store;
    this.expiry = expiry;
    this.clock = clock;
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    for (JobId id : store.ids()) {
      store
          .state(id)
          .flatMap(JobState::dateFinished)
          .flatMap(
              finished -> expiry.of(store.spec(id).orElseThrow().environment()).map(finished::plus))
          .filter(expires -> !expires.isAfter(now))
          .ifPresent(expires -> delete(id));
    }
  }

  private void delete(JobId id) {
    try {
      store.delete(id);
      LOG.fine("Deleted expired job " + id);
    } catch (IOException e) {
      LogSafe.log(LOG, Level.WARNING, "Expired job " + id + " could not be deleted", e);
    }
  }
}
