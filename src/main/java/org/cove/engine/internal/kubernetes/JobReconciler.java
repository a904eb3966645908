package org.cove.engine.internal.kubernetes;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.JobInputs;

/**
 * Takes one job one step further, whatever the trigger was: reads the resource and the current
 * stage's pod, creates what is missing under its fixed name, and writes the status the pod's state
 * leads to. Stages: configure (20, then 30), algorithm (40), publish (60), then the ending decided
 * before publishing (70 or a failure), which {@link Endings} writes. Every ending goes through
 * publishing, so logs and whatever outputs exist are always kept. Never waits for a pod: it says
 * when to look again instead. A job leaving the queue is first checked with the provider: one it no
 * longer admits ends stopped with the provider's reason.
 */
final class JobReconciler {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A stopped job's message when its stop gave no reason: before, or while, its algorithm ran. */
  private static final String NOT_RUN = "stopped before the algorithm ran";

  private static final String ON_REQUEST = "stopped on request";

  private final JobObjects cluster;
  private final JobManifests manifests;
  private final JobRecord record;
  private final PodLogs logs;
  private final Endings endings;
  private final KubernetesSettings settings;
  private final Clock clock;
  private final Deadlines deadlines;
  private final JobInputs provider;

  JobReconciler(
      JobInputs provider,
      JobObjects cluster,
      JobManifests manifests,
      JobRecord record,
      PodLogs logs,
      Endings endings,
      KubernetesSettings settings,
      Clock clock) {
    this.cluster = cluster;
    this.manifests = manifests;
    this.record = record;
    this.logs = logs;
    this.endings = endings;
    this.settings = settings;
    this.clock = clock;
    this.deadlines = new Deadlines(clock);
    this.provider = provider;
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
    record.catchUp(job);
    JobStatus status = ComputeJobs.status(job);
    if (status.terminal()) {
      return endings.finished(job, status);
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
      return toPublishing(job, JobStatus.STOPPED, null, stopMessage(job, NOT_RUN));
    }
    // asked as the job leaves the queue: one revoked before now never starts
    Optional<String> refused = provider.refusal(ComputeJobs.spec(job.getSpec()));
    if (refused.isPresent()) {
      return toPublishing(job, JobStatus.STOPPED, null, refused.get());
    }
    cluster.create(manifests.configure(job, attempt(job)));
    String submitted = ComputeJobs.submitted(job).toString();
    record.write(
        job,
        s -> {
          s.timeline.putIfAbsent(String.valueOf(JobStatus.QUEUED.code()), submitted);
          return StatusChanges.moveFrom(
              s, JobStatus.QUEUED, JobStatus.CONFIGURING, clock.instant());
        });
    return Optional.of(settings.stageTimeout());
  }

  private Optional<Duration> configuring(ComputeJob job) {
    String pod = JobNames.pod(id(job), Stage.CONFIGURE, attempt(job));
    PodState state = PodState.of(cluster.pod(pod).orElse(null));
    if (job.getSpec().stopRequested) {
      logs.saveAndDelete(id(job), Stage.CONFIGURE, pod, state);
      return toPublishing(job, JobStatus.STOPPED, null, stopMessage(job, NOT_RUN));
    }
    switch (state.kind()) {
      case ACTIVE:
        return deadlines
            .passed(job, JobStatus.CONFIGURING, settings.stageTimeout())
            .map(
                late -> {
                  logs.saveAndDelete(id(job), Stage.CONFIGURE, pod, state);
                  return toPublishing(
                      job,
                      JobStatus.DATA_PROVISIONING_FAILED,
                      null,
                      "configuring took longer than " + settings.stageTimeout().toSeconds() + " s");
                })
            .orElseGet(() -> deadlines.until(job, JobStatus.CONFIGURING, settings.stageTimeout()));
      case MISSING:
        return toPublishing(
            job, JobStatus.DATA_PROVISIONING_FAILED, null, "the configure pod disappeared");
      case FAILED:
        logs.save(id(job), Stage.CONFIGURE, pod);
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
        logs.save(id(job), Stage.CONFIGURE, pod);
        cluster.create(manifests.algorithm(job, attempt(job)));
        record.write(
            job,
            s -> {
              if (StatusChanges.code(s) == JobStatus.CONFIGURING) {
                StatusChanges.reach(s, JobStatus.PROVISIONED, clock.instant());
                StatusChanges.reach(s, JobStatus.RUNNING, clock.instant());
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
      logs.saveAndDelete(id(job), Stage.ALGORITHM, pod, state);
      return toPublishing(job, JobStatus.STOPPED, null, stopMessage(job, ON_REQUEST));
    }
    switch (state.kind()) {
      case ACTIVE:
        if (deadlines.passed(job, JobStatus.RUNNING, limit).isPresent()) {
          logs.saveAndDelete(id(job), Stage.ALGORITHM, pod, state);
          return toPublishing(job, JobStatus.TIMED_OUT, null, timedOut(limit));
        }
        return deadlines.until(job, JobStatus.RUNNING, limit);
      case MISSING:
        return toPublishing(
            job,
            JobStatus.ALGORITHM_FAILED,
            null,
            "the algorithm's pod disappeared (deleted, or its node was lost)");
      case FAILED:
        logs.save(id(job), Stage.ALGORITHM, pod);
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
        logs.save(id(job), Stage.ALGORITHM, pod);
        return toPublishing(job, JobStatus.FINISHED, state.exitCode().orElse(0), null);
    }
  }

  private Optional<Duration> publishing(ComputeJob job) {
    String pod = JobNames.pod(id(job), Stage.PUBLISH, attempt(job));
    PodState state = PodState.of(cluster.pod(pod).orElse(null));
    switch (state.kind()) {
      case ACTIVE:
        if (deadlines.passed(job, JobStatus.PUBLISHING, settings.stageTimeout()).isPresent()) {
          logs.saveAndDelete(id(job), Stage.PUBLISH, pod, state);
          return endings.end(job, JobStatus.PUBLISH_FAILED, "publishing took too long");
        }
        return deadlines.until(job, JobStatus.PUBLISHING, settings.stageTimeout());
      case MISSING:
        return endings.end(job, JobStatus.PUBLISH_FAILED, "the publish pod disappeared");
      case FAILED:
        logs.save(id(job), Stage.PUBLISH, pod);
        return endings.end(job, JobStatus.PUBLISH_FAILED, "publishing " + state.detail());
      case SUCCEEDED:
      default:
        logs.save(id(job), Stage.PUBLISH, pod);
        return endings.end(job, JobStatus.FINISHED, null);
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
    record.write(
        job,
        s -> {
          if (StatusChanges.code(s).terminal() || StatusChanges.code(s) == JobStatus.PUBLISHING) {
            return s;
          }
          // a publish pod quicker than this write (a crash in between) may have set 42: it stays
          if (!StatusChanges.quotaExceeded(s) || !StatusChanges.outranksByQuota(outcome)) {
            s.failureCode = outcome == JobStatus.FINISHED ? null : outcome.code();
            s.message = message;
          }
          if (exitCode != null) {
            s.exitCode = exitCode;
          }
          StatusChanges.reach(s, JobStatus.PUBLISHING, clock.instant());
          return s;
        });
    return Optional.of(settings.stageTimeout());
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

  private static int attempt(ComputeJob job) {
    return ComputeJobs.attempt(job);
  }

  /** The stop's reason, or the engine's own words. */
  private static String stopMessage(ComputeJob job, String otherwise) {
    return job.getSpec().stopReason == null ? otherwise : job.getSpec().stopReason;
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
