package org.cove.engine.internal.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.JobHistory;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.shared.LogSafe;

/**
 * Records what the resource's status shows in the ledger, after the status was written (the
 * resource is the authority; the ledger follows), each status once under its key. This engine
 * remembers which keys it has recorded so that a resync does not ask the ledger again; after a
 * restart the ledger's own key check keeps repeats out. When the ledger cannot record, the next
 * reconcile of the job records what is missing, in order.
 */
final class JobLedger {

  private static final Logger LOG = Logger.getLogger(JobLedger.class.getName());

  private final JobHistory history;
  private final Steps steps;
  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  JobLedger(JobHistory history, Steps steps) {
    this.history = history;
    this.steps = steps;
  }

  /**
   * Records the submission and every status the job reached that is not recorded yet; says whether
   * the ledger now has them all.
   */
  boolean catchUp(ComputeJob job) {
    if (job.getStatus() != null && Boolean.TRUE.equals(job.getStatus().ledgered)) {
      return true;
    }
    JobId id = new JobId(job.getMetadata().getName());
    JobSpec spec = ComputeJobs.spec(job.getSpec());
    ComputeJobStatus status = job.getStatus();
    try {
      List<JobHistory.Entry> entries =
          history.entries(
              id,
              spec,
              ComputeJobs.timeline(status).keySet(),
              Optional.ofNullable(status == null ? null : status.exitCode),
              Optional.ofNullable(status == null ? null : status.message));
      entries.forEach(this::recordOnce);
      return true;
    } catch (RuntimeException e) {
      LogSafe.log(
          LOG, Level.WARNING, "The ledger could not record job " + id + "; retrying later", e);
      return false;
    }
  }

  private void recordOnce(JobHistory.Entry entry) {
    if (recorded.contains(entry.key())) {
      return;
    }
    steps.reached("ledger:before:" + entry.key());
    history.record(entry);
    recorded.add(entry.key());
    steps.reached("ledger:after:" + entry.key());
  }

  /** Forgets a deleted job's keys. */
  void forget(JobId id) {
    recorded.removeIf(key -> JobHistory.isKeyOf(id, key));
  }
}
