package org.cove.engine.internal.kubernetes;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.LedgerEvents;
import org.cove.operator.JobAudit;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.shared.Address;
import org.cove.shared.AuditTrail;

/**
 * Records what the resource's status shows in the ledger, after the status was written (the
 * resource is the authority; the ledger follows), each status once under its key. This engine
 * remembers which keys it has recorded so that a resync does not ask the ledger again; after a
 * restart the ledger's own key check keeps repeats out. When the ledger cannot record, the next
 * reconcile of the job records what is missing, in order.
 */
final class JobLedger {

  private static final Logger LOG = Logger.getLogger(JobLedger.class.getName());

  private final AuditTrail trail;
  private final Address engine;
  private final Steps steps;
  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  JobLedger(AuditTrail trail, Address engine, Steps steps) {
    this.trail = trail;
    this.engine = engine;
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
    try {
      recordOnce(JobAudit.submittedKey(id), () -> JobAudit.submitted(id, spec));
      ComputeJobStatus status = job.getStatus();
      Map<JobStatus, java.time.Instant> timeline = ComputeJobs.timeline(status);
      for (JobStatus reached : timeline.keySet()) {
        recordOnce(
            LedgerEvents.key(id, LedgerEvents.statusKey(reached)),
            () ->
                LedgerEvents.status(
                    engine,
                    id,
                    spec,
                    reached,
                    Optional.ofNullable(status.exitCode),
                    Optional.ofNullable(status.message)));
      }
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The ledger could not record job " + id + "; retrying later", e);
      return false;
    }
  }

  private void recordOnce(String key, java.util.function.Supplier<org.cove.shared.AuditEvent> e) {
    if (recorded.contains(key)) {
      return;
    }
    steps.reached("ledger:before:" + key);
    trail.recordOnce(key, e.get());
    recorded.add(key);
    steps.reached("ledger:after:" + key);
  }

  /** Forgets a deleted job's keys. */
  void forget(JobId id) {
    recorded.removeIf(key -> key.startsWith(LedgerEvents.key(id, "")));
  }
}
