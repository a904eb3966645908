package org.cove.engine.internal.kubernetes;

import java.time.Instant;
import java.util.Optional;
import org.cove.operator.JobStatus;

/**
 * Changes to a job's status as pure functions of the status read, so that a write retried on a
 * newer copy applies the same change to it: reaching a status (timeline, phase, condition) and the
 * output quota's say over how the job ends.
 */
final class StatusChanges {

  private StatusChanges() {}

  /** The status the resource is at; a status not written yet is queued. */
  static JobStatus code(ComputeJobStatus s) {
    return s.statusCode == 0
        ? JobStatus.QUEUED
        : JobStatus.ofCode(s.statusCode).orElse(JobStatus.QUEUED);
  }

  /** Reaches {@code to} only from {@code from}: a repeat on a status already past is no change. */
  static ComputeJobStatus moveFrom(ComputeJobStatus s, JobStatus from, JobStatus to, Instant now) {
    if (code(s) == from) {
      reach(s, to, now);
    }
    return s;
  }

  /** Reaching a status again keeps the time it was first reached. */
  static void reach(ComputeJobStatus s, JobStatus status, Instant now) {
    s.timeline.putIfAbsent(String.valueOf(status.code()), now.toString());
    s.statusCode = status.code();
    s.statusText = status.text();
    s.phase = Phases.of(status);
    if (s.attempt == 0) {
      s.attempt = 1;
    }
    Conditions.set(s, status, now);
  }

  /**
   * Records that the publish pod handed over more than the job's quota: the job will end with 42
   * (unless it was stopped or timed out, which the local engine's watchdog also decides first).
   */
  static ComputeJobStatus outputQuotaExceeded(ComputeJobStatus s, String message) {
    JobStatus ending =
        Optional.ofNullable(s.failureCode).flatMap(JobStatus::ofCode).orElse(JobStatus.FINISHED);
    if (code(s).terminal() || !outranksByQuota(ending)) {
      return s;
    }
    s.failureCode = JobStatus.OUTPUT_LIMIT_EXCEEDED.code();
    s.message = message;
    return s;
  }

  static boolean quotaExceeded(ComputeJobStatus s) {
    return s.failureCode != null && s.failureCode == JobStatus.OUTPUT_LIMIT_EXCEEDED.code();
  }

  /** Endings an exceeded output quota replaces, as in the local engine. */
  static boolean outranksByQuota(JobStatus ending) {
    return ending == JobStatus.FINISHED || ending == JobStatus.ALGORITHM_FAILED;
  }
}
