package org.cove.engine.internal.local;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobId;
import org.cove.shared.LogSafe;

/**
 * What the engine does when it starts: reads every job from its directory, records in the ledger
 * whatever an earlier run could not, and takes every unfinished job up again from its stored status
 * (configure again from a clean directory, run an algorithm that had not started, end one that was
 * running as interrupted, publish again). A finished job's leftover inputs are deleted.
 */
final class Recovery {

  private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

  private final JobStore store;
  private final StatusLedger ledger;
  private final JobRunner runner;
  private final Executor executor;

  Recovery(JobStore store, StatusLedger ledger, JobRunner runner, Executor executor) {
    this.store = store;
    this.ledger = ledger;
    this.runner = runner;
    this.executor = executor;
  }

  void run() {
    store.load();
    int resumed = 0;
    for (JobId id : store.ids()) {
      ledger.catchUp(id);
      JobState state = store.state(id).orElseThrow();
      if (state.finished()) {
        deleteLeftovers(id);
      } else {
        executor.execute(() -> runner.advance(id));
        resumed++;
      }
    }
    LOG.info("Local engine: " + store.ids().size() + " job(s) known, " + resumed + " resumed");
  }

  private void deleteLeftovers(JobId id) {
    try {
      Trees.deleteRecursively(store.data(id));
    } catch (IOException e) {
      LogSafe.log(
          LOG, Level.WARNING, "The data of finished job " + id + " could not be deleted", e);
    }
  }
}
