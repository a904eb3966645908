package org.cove.operator.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.cove.operator.JobId;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;

/**
 * A job's submission in the ledger, in one short transaction together with whatever the caller
 * records alongside it (the payments for the job), before the engine has the job.
 */
@ApplicationScoped
class Submissions {

  private AuditTrail auditTrail;

  @Inject
  Submissions(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /** For CDI's proxy. */
  protected Submissions() {}

  @Transactional
  void record(JobId id, Consumer<JobId> alongside, String key, AuditEvent submitted) {
    alongside.accept(id);
    auditTrail.recordOnce(key, submitted);
  }
}
