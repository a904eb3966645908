package org.cove.operator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compute job as its engine reports it: what was asked ({@link JobSpec}) and where it is. The
 * timeline holds when each status was reached; {@code exitCode} is the algorithm's real exit code
 * once it ended; {@code message} explains a failure in words the consumer can act on.
 */
public record Job(
    JobId id,
    JobSpec spec,
    JobStatus status,
    Instant dateCreated,
    Optional<Instant> dateFinished,
    Map<JobStatus, Instant> timeline,
    List<JobResult> results,
    boolean stopRequested,
    Optional<Integer> exitCode,
    Optional<String> message) {

  public Job {
    timeline = Map.copyOf(timeline);
    results = List.copyOf(results);
  }

  public boolean finished() {
    return status.terminal();
  }

  /** When the algorithm stage started, if it did. */
  public Optional<Instant> algorithmStarted() {
    return Optional.ofNullable(timeline.get(JobStatus.RUNNING));
  }
}
