package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.StorageExpiry;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.cove.shared.LogSafe;

/**
 * How a job ends once published: its results listed, its final status written and recorded, whoever
 * waits for it told; then its objects go (unless kept), and the resource with its results once its
 * storage expires.
 */
final class Endings {

  private static final Logger LOG = Logger.getLogger(Endings.class.getName());

  /** How soon a finished job whose statuses the ledger could not take is tried again. */
  static final Duration LEDGER_RETRY = Duration.ofSeconds(30);

  private final JobObjects cluster;
  private final JobRecord record;
  private final ResultStore results;
  private final StorageExpiry expiry;
  private final KubernetesSettings settings;
  private final Clock clock;
  private final Consumer<ComputeJob> ended;

  /** Finished jobs whose objects this engine already deleted (after a restart: once more each). */
  private final Set<String> cleaned = ConcurrentHashMap.newKeySet();

  Endings(
      JobObjects cluster,
      JobRecord record,
      ResultStore results,
      StorageExpiry expiry,
      KubernetesSettings settings,
      Clock clock,
      Consumer<ComputeJob> ended) {
    this.cluster = cluster;
    this.record = record;
    this.results = results;
    this.expiry = expiry;
    this.settings = settings;
    this.clock = clock;
    this.ended = ended;
  }

  /**
   * The ending: results listed, status written, then the job's objects go. The ending fixed before
   * publishing (or by the output quota while publishing) wins over {@code otherwise}; it is read
   * from the status being written, not from the cached copy, which may predate it.
   */
  Optional<Duration> end(ComputeJob job, JobStatus otherwise, String failure) {
    var listed = list(id(job));
    Optional<ComputeJob> written =
        record.write(
            job,
            s -> {
              if (StatusChanges.code(s) != JobStatus.PUBLISHING) {
                return s;
              }
              JobStatus finalStatus =
                  Optional.ofNullable(s.failureCode).flatMap(JobStatus::ofCode).orElse(otherwise);
              s.results = listed;
              if (failure != null && s.message == null) {
                s.message = failure;
              }
              StatusChanges.reach(s, finalStatus, clock.instant());
              return s;
            });
    written
        .filter(w -> ComputeJobs.status(w).terminal())
        .ifPresent(
            w -> {
              record.catchUp(w);
              notifyEnded(w);
            });
    return written.map(w -> finished(w, ComputeJobs.status(w))).orElse(Optional.empty());
  }

  /** A finished job: its objects go (unless kept), and the resource once its storage expires. */
  Optional<Duration> finished(ComputeJob job, JobStatus status) {
    if (!Boolean.TRUE.equals(job.getStatus().ledgered)) {
      if (!record.catchUp(job)) {
        return Optional.of(LEDGER_RETRY);
      }
      record.markLedgered(job);
    }
    JobId id = id(job);
    int attempt = ComputeJobs.attempt(job);
    if (!settings.keepObjects() && !cleaned.contains(id.value()) && cluster.hasOwned(id, attempt)) {
      cluster.deleteOwned(id, attempt);
      cleaned.add(id.value());
    }
    Instant finishedAt =
        Optional.ofNullable(ComputeJobs.timeline(job.getStatus()).get(status))
            .orElse(clock.instant());
    Optional<Duration> keep = expiry.of(job.getSpec().environment);
    if (keep.isEmpty()) {
      return Optional.of(settings.resync());
    }
    Duration left = Duration.between(clock.instant(), finishedAt.plus(keep.get()));
    if (left.isNegative() || left.isZero()) {
      expire(job);
      return Optional.empty();
    }
    return Optional.of(left);
  }

  private void expire(ComputeJob job) {
    try {
      results.delete(id(job));
    } catch (IOException e) {
      LogSafe.log(LOG, Level.WARNING, "The results of expired job " + id(job) + " stay for now", e);
      return;
    }
    cluster.deleteJob(job.getMetadata().getName());
    record.forget(id(job));
    cleaned.remove(job.getMetadata().getName());
  }

  private void notifyEnded(ComputeJob job) {
    try {
      ended.accept(job);
    } catch (RuntimeException e) {
      LogSafe.log(LOG, Level.WARNING, "An observer of job " + id(job) + " failed", e);
    }
  }

  private List<ComputeJobStatus.Result> list(JobId id) {
    try {
      return results.results(id);
    } catch (IOException e) {
      throw new UncheckedIOException("the results of job " + id + " cannot be listed", e);
    }
  }

  private static JobId id(ComputeJob job) {
    return new JobId(job.getMetadata().getName());
  }
}
