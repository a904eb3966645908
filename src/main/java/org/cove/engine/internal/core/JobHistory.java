package org.cove.engine.internal.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.JobAudit;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;

/**
 * Records a job's history in the ledger for either backend: its submission and each status it
 * reached, under the keys and with the events of {@link JobAudit}, each once however often it is
 * recorded. When to record, and how to remember what was, is each backend's own: the local engine
 * keeps the marks in its state files, the Kubernetes engine the keys in memory and a flag on the
 * resource.
 */
public final class JobHistory {

  private final AuditTrail trail;
  private final Address engine;

  /** {@code engine} is the actor of the status entries: this provider's engine. */
  public JobHistory(AuditTrail trail, Address engine) {
    this.trail = trail;
    this.engine = engine;
  }

  /**
   * One entry: the mark the local engine keeps, the ledger's key, and the event, built only when
   * the entry is recorded.
   */
  public record Entry(String mark, String key, Supplier<AuditEvent> event) {}

  /**
   * What the job's history holds by now, in order: the submission, then each status in the order
   * {@code reached} gives them. The exit code and explanation go with the status it ended with.
   */
  public List<Entry> entries(
      JobId id,
      JobSpec spec,
      Collection<JobStatus> reached,
      Optional<Integer> exitCode,
      Optional<String> message) {
    List<Entry> entries = new ArrayList<>();
    entries.add(
        new Entry(
            JobAudit.SUBMITTED, JobAudit.submittedKey(id), () -> JobAudit.submitted(id, spec)));
    for (JobStatus status : reached) {
      String mark = JobAudit.statusMark(status);
      entries.add(
          new Entry(
              mark,
              JobAudit.key(id, mark),
              () -> JobAudit.status(engine, id, spec, status, exitCode, message)));
    }
    return entries;
  }

  /** Records the entry unless the ledger has its key. */
  public void record(Entry entry) {
    trail.recordOnce(entry.key(), entry.event().get());
  }

  /** Records those of the entries the ledger lacks in one call: one transaction. */
  public void recordAll(List<Entry> entries) {
    trail.recordAllOnce(
        entries.stream().map(e -> new AuditTrail.Keyed(e.key(), e.event().get())).toList());
  }

  /** Whether {@code key} is one of the job's. */
  public static boolean isKeyOf(JobId id, String key) {
    return key.startsWith(JobAudit.keyPrefix(id));
  }
}
