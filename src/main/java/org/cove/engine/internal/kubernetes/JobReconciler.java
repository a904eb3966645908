package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;

/**
 * Takes one job one step further, whatever the trigger was: reads the resource and the current
 * stage's pod, creates what is missing under its fixed name, and writes the status the pod's state
 * leads to. Stages: configure (20, then 30), algorithm (40), publish (60), then the ending decided
 * before publishing (70 or a failure). Every ending goes through publishing, so logs and whatever
 * outputs exist are always kept. Never waits for a pod: it says when to look again instead.
 */
final class JobReconciler {

  private static final Logger LOG = Logger.getLogger(JobReconciler.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Slack past a deadline before the engine acts itself (the kubelet normally acts first). */
  static final Duration DEADLINE_GRACE = Duration.ofSeconds(15);

  /** How soon a finished job whose statuses the ledger could not take is tried again. */
  static final Duration LEDGER_RETRY = Duration.ofSeconds(30);

  private final JobObjects cluster;
  private final JobManifests manifests;
  private final StatusWriter statuses;
  private final ResultStore results;
  private final JobLedger ledger;
  private final Clock clock;
  private final KubernetesSettings settings;
  private final Function<ComputeJob, Optional<Duration>> storageExpiry;
  private final Consumer<ComputeJob> ended;
  private final Steps steps;

  /** Finished jobs whose objects this engine already deleted (after a restart: once more each). */
  private final java.util.Set<String> cleaned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  JobReconciler(
      JobObjects cluster,
      JobManifests manifests,
      StatusWriter statuses,
      ResultStore results,
      JobLedger ledger,
      Clock clock,
      KubernetesSettings settings,
      Function<ComputeJob, Optional<Duration>> storageExpiry,
      Consumer<ComputeJob> ended,
      Steps steps) {
    this.cluster = cluster;
    this.manifests = manifests;
    this.statuses = statuses;
    this.results = results;
    this.ledger = ledger;
    this.clock = clock;
    this.settings = settings;
    this.storageExpiry = storageExpiry;
    this.ended = ended;
    this.steps = steps;
  }

  /** One pass over the job; returns when to look again even if nothing happens meanwhile. */
  Optional<Duration> reconcile(String name) {
    Optional<ComputeJob> found = cluster.job(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return step(found.get());
  }

  private Optional<Duration> step(ComputeJob job) {
    ledger.catchUp(job);
    JobStatus status = ComputeJobs.status(job);
    if (status.terminal()) {
      return finished(job, status);
    }
    return switch (status) {
      case QUEUED -> queued(job);
      case CONFIGURING -> configuring(job);
      case PROVISIONED, RUNNING -> running(job);
      case PUBLISHING -> publishing(job);
      default -> Optional.empty();
    };
  }

  private Optional<Duration> queued(ComputeJob job) {
    Optional<ComputeJob> newer = newer(job);
    if (newer.isPresent()) {
      return again(newer.get());
    }
    createVolumeAndSecrets(job);
    if (job.getSpec().stopRequested) {
      return toPublishing(job, JobStatus.STOPPED, null, "stopped before the algorithm ran");
    }
    cluster.create(manifests.configure(job, attempt(job)));
    String submitted = ComputeJobs.submitted(job).toString();
    write(
        job,
        s -> {
          s.timeline.putIfAbsent(String.valueOf(JobStatus.QUEUED.code()), submitted);
          return moveFrom(s, JobStatus.QUEUED, JobStatus.CONFIGURING);
        });
    return Optional.of(settings.stageTimeout());
  }

  private Optional<Duration> configuring(ComputeJob job) {
    String pod = JobNames.pod(id(job), Stage.CONFIGURE, attempt(job));
    PodState state = PodState.of(cluster.pod(pod).orElse(null));
    if (job.getSpec().stopRequested) {
      stopPod(job, Stage.CONFIGURE, pod, state);
      return toPublishing(job, JobStatus.STOPPED, null, "stopped before the algorithm ran");
    }
    switch (state.kind()) {
      case ACTIVE:
        return pastDeadline(job, JobStatus.CONFIGURING, settings.stageTimeout())
            .map(
                late -> {
                  stopPod(job, Stage.CONFIGURE, pod, state);
                  return toPublishing(
                      job,
                      JobStatus.DATA_PROVISIONING_FAILED,
                      null,
                      "configuring took longer than " + settings.stageTimeout().toSeconds() + " s");
                })
            .orElseGet(() -> untilDeadline(job, JobStatus.CONFIGURING, settings.stageTimeout()));
      case MISSING:
        return toPublishing(
            job, JobStatus.DATA_PROVISIONING_FAILED, null, "the configure pod disappeared");
      case FAILED:
        saveLog(job, Stage.CONFIGURE, pod);
        boolean algorithm = state.exitCode().orElse(-1) == 32;
        return toPublishing(
            job,
            algorithm
                ? JobStatus.ALGORITHM_PROVISIONING_FAILED
                : JobStatus.DATA_PROVISIONING_FAILED,
            null,
            (algorithm ? "the algorithm" : "the datasets")
                + " could not be provided: "
                + state.detail());
      case SUCCEEDED:
      default:
        Optional<ComputeJob> newer = newer(job);
        if (newer.isPresent()) {
          return again(newer.get());
        }
        saveLog(job, Stage.CONFIGURE, pod);
        cluster.create(manifests.algorithm(job, attempt(job)));
        write(
            job,
            s -> {
              if (code(s) == JobStatus.CONFIGURING) {
                reach(s, JobStatus.PROVISIONED);
                reach(s, JobStatus.RUNNING);
              }
              return s;
            });
        return Optional.of(Duration.ofSeconds(job.getSpec().maxDurationSeconds));
    }
  }

  private Optional<Duration> running(ComputeJob job) {
    String pod = JobNames.pod(id(job), Stage.ALGORITHM, attempt(job));
    PodState state = PodState.of(cluster.pod(pod).orElse(null));
    Duration limit = Duration.ofSeconds(job.getSpec().maxDurationSeconds);
    if (job.getSpec().stopRequested && !state.ended()) {
      stopPod(job, Stage.ALGORITHM, pod, state);
      return toPublishing(job, JobStatus.STOPPED, null, "stopped on request");
    }
    switch (state.kind()) {
      case ACTIVE:
        if (pastDeadline(job, JobStatus.RUNNING, limit).isPresent()) {
          stopPod(job, Stage.ALGORITHM, pod, state);
          return toPublishing(job, JobStatus.TIMED_OUT, null, timedOut(limit));
        }
        return untilDeadline(job, JobStatus.RUNNING, limit);
      case MISSING:
        return toPublishing(
            job,
            JobStatus.ALGORITHM_FAILED,
            null,
            "the algorithm's pod disappeared (deleted, or its node was lost)");
      case FAILED:
        saveLog(job, Stage.ALGORITHM, pod);
        if (state.reason() == PodState.Reason.DEADLINE) {
          return toPublishing(
              job, JobStatus.TIMED_OUT, state.exitCode().orElse(null), timedOut(limit));
        }
        return toPublishing(
            job,
            JobStatus.ALGORITHM_FAILED,
            state.exitCode().orElse(null),
            "the algorithm " + state.detail());
      case SUCCEEDED:
      default:
        saveLog(job, Stage.ALGORITHM, pod);
        return toPublishing(job, JobStatus.FINISHED, state.exitCode().orElse(0), null);
    }
  }

  private Optional<Duration> publishing(ComputeJob job) {
    String pod = JobNames.pod(id(job), Stage.PUBLISH, attempt(job));
    PodState state = PodState.of(cluster.pod(pod).orElse(null));
    switch (state.kind()) {
      case ACTIVE:
        if (pastDeadline(job, JobStatus.PUBLISHING, settings.stageTimeout()).isPresent()) {
          stopPod(job, Stage.PUBLISH, pod, state);
          return end(job, JobStatus.PUBLISH_FAILED, "publishing took too long");
        }
        return untilDeadline(job, JobStatus.PUBLISHING, settings.stageTimeout());
      case MISSING:
        return end(job, JobStatus.PUBLISH_FAILED, "the publish pod disappeared");
      case FAILED:
        saveLog(job, Stage.PUBLISH, pod);
        return end(job, JobStatus.PUBLISH_FAILED, "publishing " + state.detail());
      case SUCCEEDED:
      default:
        saveLog(job, Stage.PUBLISH, pod);
        return end(job, JobStatus.FINISHED, null);
    }
  }

  /**
   * Fixes how the job ends, then publishes: the publish pod first (its name is fixed, so a repeat
   * finds it), then the status that says so.
   */
  private Optional<Duration> toPublishing(
      ComputeJob job, JobStatus outcome, Integer exitCode, String message) {
    Optional<ComputeJob> newer = newer(job);
    if (newer.isPresent()) {
      return again(newer.get());
    }
    createVolumeAndSecrets(job);
    cluster.create(manifests.publish(job, attempt(job)));
    write(
        job,
        s -> {
          if (code(s).terminal() || code(s) == JobStatus.PUBLISHING) {
            return s;
          }
          // a publish pod quicker than this write (a crash in between) may have set 42: it stays
          if (!quotaExceeded(s) || !outranksByQuota(outcome)) {
            s.failureCode = outcome == JobStatus.FINISHED ? null : outcome.code();
            s.message = message;
          }
          if (exitCode != null) {
            s.exitCode = exitCode;
          }
          reach(s, JobStatus.PUBLISHING);
          return s;
        });
    return Optional.of(settings.stageTimeout());
  }

  /**
   * The ending: results listed, status written, then the job's objects go. The ending fixed before
   * publishing (or by the output quota while publishing) wins over {@code otherwise}; it is read
   * from the status being written, not from the cached copy, which may predate it.
   */
  private Optional<Duration> end(ComputeJob job, JobStatus otherwise, String failure) {
    var listed = list(id(job));
    Optional<ComputeJob> written =
        write(
            job,
            s -> {
              if (code(s) != JobStatus.PUBLISHING) {
                return s;
              }
              JobStatus finalStatus =
                  Optional.ofNullable(s.failureCode).flatMap(JobStatus::ofCode).orElse(otherwise);
              s.results = listed;
              if (failure != null && s.message == null) {
                s.message = failure;
              }
              reach(s, finalStatus);
              return s;
            });
    written
        .filter(w -> ComputeJobs.status(w).terminal())
        .ifPresent(
            w -> {
              ledger.catchUp(w);
              notifyEnded(w);
            });
    return written.map(w -> finished(w, ComputeJobs.status(w))).orElse(Optional.empty());
  }

  /** A finished job: its objects go (unless kept), and the resource once its storage expires. */
  private Optional<Duration> finished(ComputeJob job, JobStatus status) {
    if (!Boolean.TRUE.equals(job.getStatus().ledgered)) {
      if (!ledger.catchUp(job)) {
        return Optional.of(LEDGER_RETRY);
      }
      statuses.update(
          job.getMetadata().getName(),
          s -> {
            s.ledgered = true;
            return s;
          });
    }
    if (!settings.keepObjects()
        && !cleaned.contains(job.getMetadata().getName())
        && cluster.hasOwned(id(job), attempt(job))) {
      cluster.deleteOwned(id(job), attempt(job));
      cleaned.add(job.getMetadata().getName());
    }
    Instant finishedAt =
        Optional.ofNullable(ComputeJobs.timeline(job.getStatus()).get(status))
            .orElse(clock.instant());
    Optional<Duration> expiry = storageExpiry.apply(job);
    if (expiry.isEmpty()) {
      return Optional.of(settings.resync());
    }
    Duration left = Duration.between(clock.instant(), finishedAt.plus(expiry.get()));
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
      LOG.log(Level.WARNING, "The results of expired job " + id(job) + " stay for now", e);
      return;
    }
    cluster.deleteJob(job.getMetadata().getName());
    ledger.forget(id(job));
    cleaned.remove(job.getMetadata().getName());
  }

  private void createVolumeAndSecrets(ComputeJob job) {
    cluster.create(manifests.token(job, newToken()));
    cluster.create(manifests.volume(job));
    if (!job.getSpec().allowNetwork) {
      cluster.create(manifests.noEgress(job));
    }
  }

  /**
   * The job as the API has it now, when it differs from the copy about to create a stage's pod. The
   * informer's copy can predate this engine's own last write (the reconcile that wrote 40 and the
   * next one triggered by the new pod's event run back to back); acting on it would create again a
   * pod that was created, and lost, since: a lost pod must fail its job, not come back. One read
   * per pod created, not per reconcile.
   */
  private Optional<ComputeJob> newer(ComputeJob cached) {
    if (confirmed.get()) {
      return Optional.empty();
    }
    return cluster
        .current(cached.getMetadata().getName())
        .filter(
            current ->
                !java.util.Objects.equals(
                    current.getMetadata().getResourceVersion(),
                    cached.getMetadata().getResourceVersion()));
  }

  /** The pass again on the API's copy, which is not read a second time. */
  private Optional<Duration> again(ComputeJob current) {
    confirmed.set(true);
    try {
      return step(current);
    } finally {
      confirmed.set(false);
    }
  }

  /** Whether this worker's pass already runs on a copy just read from the API. */
  private final ThreadLocal<Boolean> confirmed = ThreadLocal.withInitial(() -> false);

  /** Copies the pod's log (if it can still be read) before the pod can go. */
  private void stopPod(ComputeJob job, Stage stage, String pod, PodState state) {
    if (state.kind() != PodState.Kind.MISSING) {
      saveLog(job, stage, pod);
      cluster.deletePod(pod);
    }
  }

  private void saveLog(ComputeJob job, Stage stage, String pod) {
    try (InputStream log = cluster.log(pod)) {
      results.saveLog(id(job), stage, log);
      steps.reached("log:" + pod);
    } catch (IOException | RuntimeException e) {
      // a pod whose log cannot be read (its node is gone) still ends its stage
      LOG.log(Level.FINE, "The log of pod " + pod + " could not be read", e);
    }
  }

  private Optional<ComputeJob> write(
      ComputeJob job, java.util.function.UnaryOperator<ComputeJobStatus> change) {
    steps.reached("status:before:" + job.getMetadata().getName());
    Optional<ComputeJob> written = statuses.update(job.getMetadata().getName(), job, change);
    steps.reached("status:after:" + job.getMetadata().getName());
    written.ifPresent(ledger::catchUp);
    return written;
  }

  private void notifyEnded(ComputeJob job) {
    try {
      ended.accept(job);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of job " + id(job) + " failed", e);
    }
  }

  private java.util.List<ComputeJobStatus.Result> list(JobId id) {
    try {
      return results.results(id);
    } catch (IOException e) {
      throw new UncheckedIOException("the results of job " + id + " cannot be listed", e);
    }
  }

  private Optional<Instant> pastDeadline(ComputeJob job, JobStatus since, Duration limit) {
    Instant started = ComputeJobs.timeline(job.getStatus()).get(since);
    if (started == null) {
      return Optional.empty();
    }
    Instant deadline = started.plus(limit).plus(DEADLINE_GRACE);
    return clock.instant().isBefore(deadline) ? Optional.empty() : Optional.of(deadline);
  }

  private Optional<Duration> untilDeadline(ComputeJob job, JobStatus since, Duration limit) {
    Instant started =
        Optional.ofNullable(ComputeJobs.timeline(job.getStatus()).get(since))
            .orElse(clock.instant());
    Duration left = Duration.between(clock.instant(), started.plus(limit).plus(DEADLINE_GRACE));
    // look again well before the deadline too: a pod whose deletion event was missed (a watch
    // reconnect, a race with this reconcile) must still fail its job within a minute
    Duration next = left.compareTo(RECHECK) > 0 ? RECHECK : left;
    return Optional.of(next.isNegative() ? Duration.ZERO : next);
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

  private static boolean quotaExceeded(ComputeJobStatus s) {
    return s.failureCode != null && s.failureCode == JobStatus.OUTPUT_LIMIT_EXCEEDED.code();
  }

  /** Endings an exceeded output quota replaces, as in the local engine. */
  private static boolean outranksByQuota(JobStatus ending) {
    return ending == JobStatus.FINISHED || ending == JobStatus.ALGORITHM_FAILED;
  }

  /** The longest a running stage goes unchecked, whatever its deadline. */
  static final Duration RECHECK = Duration.ofSeconds(20);

  private ComputeJobStatus moveFrom(ComputeJobStatus s, JobStatus from, JobStatus to) {
    if (code(s) == from) {
      reach(s, to);
    }
    return s;
  }

  private void reach(ComputeJobStatus s, JobStatus status) {
    Instant now = clock.instant();
    s.timeline.putIfAbsent(String.valueOf(status.code()), now.toString());
    s.statusCode = status.code();
    s.statusText = status.text();
    s.phase = Phases.of(status);
    if (s.attempt == 0) {
      s.attempt = 1;
    }
    Conditions.set(s, status, now);
  }

  private static JobStatus code(ComputeJobStatus s) {
    return s.statusCode == 0
        ? JobStatus.QUEUED
        : JobStatus.ofCode(s.statusCode).orElse(JobStatus.QUEUED);
  }

  private static int attempt(ComputeJob job) {
    return job.getStatus() == null || job.getStatus().attempt == 0 ? 1 : job.getStatus().attempt;
  }

  private static String timedOut(Duration limit) {
    return "the algorithm ran longer than its maximum duration of " + limit.toSeconds() + " s";
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static JobId id(ComputeJob job) {
    return new JobId(job.getMetadata().getName());
  }
}
