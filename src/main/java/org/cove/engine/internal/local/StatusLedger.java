package org.cove.engine.internal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.JobHistory;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.JobAudit;
import org.cove.shared.LogSafe;

/**
 * Records a job's history in the ledger after the state file has it (the state file is the
 * authority; the ledger follows). Each submission and status is recorded once under a key ({@code
 * job:<id>:status:<code>}) and then marked in the state, so it is never asked for again. The marks
 * of a running job are kept in memory and go to disk with its next change (a crash only means
 * asking the ledger again, which keeps each key once); a finished job's are stored at once, so a
 * restart does not ask about every job there ever was. When the ledger cannot record (its database
 * is down) the job carries on, and the next catch-up (after the next change, every half minute, at
 * restart) records what is missing, in order.
 */
final class StatusLedger {

  private static final Logger LOG = Logger.getLogger(StatusLedger.class.getName());

  private final JobStore store;
  private final JobHistory history;
  private final Map<JobId, Object> locks = new ConcurrentHashMap<>();

  StatusLedger(JobStore store, JobHistory history) {
    this.store = store;
    this.history = history;
  }

  /** Records whatever the job reached that the ledger does not have yet. */
  void catchUp(JobId id) {
    Optional<JobSpec> spec = store.spec(id);
    if (spec.isEmpty()) {
      return;
    }
    // one catch-up per job at a time, so two never both record the same key
    synchronized (lockOf(id)) {
      try {
        record(id, spec.get());
      } catch (RuntimeException e) {
        LogSafe.log(
            LOG, Level.WARNING, "The ledger could not record job " + id + "; retrying later", e);
      }
    }
  }

  void catchUpAll() {
    for (JobId id : store.ids()) {
      if (store.state(id).map(this::behind).orElse(false)) {
        catchUp(id);
      }
    }
  }

  private boolean behind(JobState state) {
    return !state.ledgered().contains(JobAudit.SUBMITTED)
        || state.timeline().keySet().stream()
            .anyMatch(s -> !state.ledgered().contains(JobAudit.statusMark(s)));
  }

  /** Everything missing in one call: the ledger writes it in one transaction. */
  private void record(JobId id, JobSpec spec) {
    JobState state = store.state(id).orElseThrow();
    JobState known = state;
    List<JobHistory.Entry> missing =
        history
            .entries(id, spec, state.timeline().keySet(), state.exitCode(), state.message())
            .stream()
            .filter(entry -> !known.ledgered().contains(entry.mark()))
            .toList();
    if (!missing.isEmpty()) {
      history.recordAll(missing);
      state = store.remember(id, s -> withLedgered(s, missing));
    }
    if (state.finished()) {
      store.persist(id);
    }
  }

  private static JobState withLedgered(JobState state, List<JobHistory.Entry> recorded) {
    JobState marked = state;
    for (JobHistory.Entry entry : recorded) {
      marked = marked.withLedgered(entry.mark());
    }
    return marked;
  }

  private Object lockOf(JobId id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }
}
