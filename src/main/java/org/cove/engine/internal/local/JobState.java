package org.cove.engine.internal.local;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;

/**
 * Where a job is, as {@code state.json} keeps it. Besides what {@link Job} shows: the status the
 * job ends with once its results are published ({@code outcome}, decided when its algorithm ended
 * or its configuration failed), why it was asked to stop when the request gave a reason, and which
 * ledger keys were recorded, so that a ledger outage leaves no gap and a restart no duplicate.
 */
record JobState(
    JobStatus status,
    Map<JobStatus, Instant> timeline,
    Instant dateCreated,
    Optional<Instant> dateFinished,
    List<JobResult> results,
    boolean stopRequested,
    Optional<String> stopReason,
    Optional<Integer> exitCode,
    Optional<String> message,
    Optional<JobStatus> outcome,
    Set<String> ledgered) {

  JobState {
    // insertion order is the order the statuses were reached in
    timeline = Collections.unmodifiableMap(new LinkedHashMap<>(timeline));
    results = List.copyOf(results);
    ledgered = Collections.unmodifiableSet(new LinkedHashSet<>(ledgered));
  }

  static JobState queued(Instant now) {
    return new JobState(
        JobStatus.QUEUED,
        Map.of(JobStatus.QUEUED, now),
        now,
        Optional.empty(),
        List.of(),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  boolean finished() {
    return status.terminal();
  }

  /** The state at {@code next}; reaching a status again keeps the time it was first reached. */
  JobState moveTo(JobStatus next, Instant at) {
    Map<JobStatus, Instant> reached = new LinkedHashMap<>(timeline);
    reached.putIfAbsent(next, at);
    Optional<Instant> finishedAt = next.terminal() ? Optional.of(at) : dateFinished;
    return new JobState(
        next,
        reached,
        dateCreated,
        finishedAt,
        results,
        stopRequested,
        stopReason,
        exitCode,
        message,
        outcome,
        ledgered);
  }

  /** Decides how the job ends once published: the terminal status, exit code and explanation. */
  JobState endingWith(JobStatus end, Optional<Integer> exit, Optional<String> why) {
    return new JobState(
        status,
        timeline,
        dateCreated,
        dateFinished,
        results,
        stopRequested,
        stopReason,
        exit,
        why,
        Optional.of(end),
        ledgered);
  }

  /** Asked to stop; the first request's reason is the one the job ends with. */
  JobState withStopRequested(Optional<String> reason) {
    if (stopRequested) {
      return this;
    }
    return new JobState(
        status,
        timeline,
        dateCreated,
        dateFinished,
        results,
        true,
        reason,
        exitCode,
        message,
        outcome,
        ledgered);
  }

  JobState withResults(List<JobResult> published) {
    return new JobState(
        status,
        timeline,
        dateCreated,
        dateFinished,
        published,
        stopRequested,
        stopReason,
        exitCode,
        message,
        outcome,
        ledgered);
  }

  JobState withMessage(String why) {
    return new JobState(
        status,
        timeline,
        dateCreated,
        dateFinished,
        results,
        stopRequested,
        stopReason,
        exitCode,
        Optional.of(why),
        outcome,
        ledgered);
  }

  JobState withLedgered(String key) {
    Set<String> recorded = new LinkedHashSet<>(ledgered);
    recorded.add(key);
    return new JobState(
        status,
        timeline,
        dateCreated,
        dateFinished,
        results,
        stopRequested,
        stopReason,
        exitCode,
        message,
        outcome,
        recorded);
  }

  /** What a stopped job's message says: the stop's reason, or the engine's own words. */
  String stopMessage(String otherwise) {
    return stopReason.orElse(otherwise);
  }

  Job toJob(JobId id, JobSpec spec) {
    return new Job(
        id,
        spec,
        status,
        dateCreated,
        dateFinished,
        timeline,
        results,
        stopRequested,
        exitCode,
        message);
  }
}
