package org.cove.engine.internal.kubernetes;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cove.operator.JobId;

/**
 * A job's status as the controller writes it: to the resource first (the authority), then to the
 * ledger, each write between two named {@link Steps} so that tests can crash around it.
 */
final class JobRecord {

  private final StatusWriter statuses;
  private final JobLedger ledger;
  private final Steps steps;

  JobRecord(StatusWriter statuses, JobLedger ledger, Steps steps) {
    this.statuses = statuses;
    this.ledger = ledger;
    this.steps = steps;
  }

  /** Writes the change (tried first on {@code job}, the copy at hand), then records it. */
  Optional<ComputeJob> write(ComputeJob job, UnaryOperator<ComputeJobStatus> change) {
    steps.reached("status:before:" + job.getMetadata().getName());
    Optional<ComputeJob> written = statuses.update(job.getMetadata().getName(), job, change);
    steps.reached("status:after:" + job.getMetadata().getName());
    written.ifPresent(ledger::catchUp);
    return written;
  }

  /** Records what the job's status shows; says whether the ledger now has all of it. */
  boolean catchUp(ComputeJob job) {
    return ledger.catchUp(job);
  }

  /** Marks the resource as recorded in full, so that no later reconcile asks the ledger again. */
  void markLedgered(ComputeJob job) {
    statuses.update(
        job.getMetadata().getName(),
        s -> {
          s.ledgered = true;
          return s;
        });
  }

  /** Forgets a job that is gone. */
  void forget(JobId id) {
    ledger.forget(id);
  }
}
