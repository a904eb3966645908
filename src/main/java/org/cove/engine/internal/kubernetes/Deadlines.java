package org.cove.engine.internal.kubernetes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cove.operator.JobStatus;

/**
 * A stage's deadline, counted from when the job reached the stage's status: whether it has passed,
 * and when to look again. The kubelet normally ends a pod at its own deadline first; the engine
 * acts itself only after a grace.
 */
final class Deadlines {

  /** Slack past a deadline before the engine acts itself (the kubelet normally acts first). */
  static final Duration GRACE = Duration.ofSeconds(15);

  /** The longest a running stage goes unchecked, whatever its deadline. */
  static final Duration RECHECK = Duration.ofSeconds(20);

  private final Clock clock;

  Deadlines(Clock clock) {
    this.clock = clock;
  }

  /**
   * The deadline, once it has passed; empty before, or while the job never reached {@code since}.
   */
  Optional<Instant> passed(ComputeJob job, JobStatus since, Duration limit) {
    Instant started = ComputeJobs.timeline(job.getStatus()).get(since);
    if (started == null) {
      return Optional.empty();
    }
    Instant deadline = started.plus(limit).plus(GRACE);
    return clock.instant().isBefore(deadline) ? Optional.empty() : Optional.of(deadline);
  }

  /** When to look at the stage again. */
  Optional<Duration> until(ComputeJob job, JobStatus since, Duration limit) {
    Instant started =
        Optional.ofNullable(ComputeJobs.timeline(job.getStatus()).get(since))
            .orElse(clock.instant());
    Duration left = Duration.between(clock.instant(), started.plus(limit).plus(GRACE));
    // look again well before the deadline too: a pod whose deletion event was missed (a watch
    // reconnect, a race with this reconcile) must still fail its job within a minute
    Duration next = left.compareTo(RECHECK) > 0 ? RECHECK : left;
    return Optional.of(next.isNegative() ? Duration.ZERO : next);
  }
}
