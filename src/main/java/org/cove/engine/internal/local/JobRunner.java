package org.cove.engine.internal.local;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.shared.LogSafe;

/**
 * Takes a job through its stages: configure (20, then 30), algorithm (40), publish (60), then the
 * status decided before publishing. Each step reads the stored state, stores the next status, and
 * only then records it in the ledger and starts the stage's work, so whatever the engine is doing
 * when it dies, the state file says where to pick up. Every step runs on the scheduler; a stage's
 * blocking work runs on threads of its own.
 */
final class JobRunner {

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

  /** A job stopped before its algorithm started, when its stop gave no reason. */
  static final String NOT_RUN = "stopped before the algorithm ran";

  /** The work of the three stages: fetching the inputs, running the algorithm, publishing. */
  record Stages(Configurer configurer, AlgorithmRunner algorithms, Publisher publisher) {}

  private final JobStore store;
  private final StatusLedger ledger;
  private final Stages stages;
  private final Workers workers;
  private final Clock clock;
  private final EngineSettings settings;

  /**
   * How many jobs run their stages at once; the others wait at status 1 (queued) in arrival order.
   * One per core, at least two: more would only make every running job slower.
   */
  private final int slots = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Set<JobId> admitted = new HashSet<>();
  private final Deque<JobId> waiting = new ArrayDeque<>();

  /** Told once a job ended after publishing; the CDI bean turns it into a JobEnded event. */
  private volatile Consumer<JobId> onEnded = id -> {};

  JobRunner(
      JobStore store,
      StatusLedger ledger,
      Stages stages,
      Workers workers,
      Clock clock,
      EngineSettings settings) {
    this.store = store;
    this.ledger = ledger;
    this.stages = stages;
    this.workers = workers;
    this.clock = clock;
    this.settings = settings;
  }

  /** Continues the job from wherever its stored state says it is. */
  void advance(JobId id) {
    guarded(
        id,
        () -> {
          JobState state = store.state(id).orElse(null);
          if (state == null || state.finished()) {
            return;
          }
          switch (state.status()) {
            case QUEUED -> admit(id, state);
            case CONFIGURING -> configure(id, state);
            case PROVISIONED -> runAlgorithm(id, state);
            // the algorithm's process died with the engine that started it
            case RUNNING ->
                publishEnding(
                    id,
                    JobStatus.INTERRUPTED,
                    Optional.empty(),
                    "the algorithm was interrupted by a restart of the engine");
            case PUBLISHING -> publish(id);
            default -> LOG.warning("Job " + id + " is in an unexpected state " + state.status());
          }
        });
  }

  /** Starts the job if a slot is free (or it is to be stopped anyway); otherwise queues it. */
  private void admit(JobId id, JobState state) {
    synchronized (admitted) {
      if (!state.stopRequested() && admitted.size() >= slots) {
        if (!waiting.contains(id)) {
          waiting.add(id);
        }
        return;
      }
      if (!state.stopRequested()) {
        admitted.add(id);
      }
    }
    configure(id, state);
  }

  /** Frees the job's slot, if it held one, and lets the next queued job in. */
  private void release(JobId id) {
    JobId next;
    synchronized (admitted) {
      if (!admitted.remove(id)) {
        return;
      }
      next = waiting.poll();
    }
    if (next != null) {
      advance(next);
    }
  }

  /** A queued job asked to stop leaves the queue at once. */
  void stopQueued(JobId id) {
    boolean wasWaiting;
    synchronized (admitted) {
      wasWaiting = waiting.remove(id);
    }
    if (wasWaiting) {
      advance(id);
    }
  }

  private void configure(JobId id, JobState state) {
    if (state.stopRequested()) {
      publishEnding(id, JobStatus.STOPPED, Optional.empty(), state.stopMessage(NOT_RUN));
      return;
    }
    moveTo(id, JobStatus.CONFIGURING);
    JobSpec spec = store.spec(id).orElseThrow();
    workers.run(
        () -> stages.configurer().configure(spec, store.data(id)),
        settings.stageTimeout(),
        (outcome, error) -> guarded(id, () -> configured(id, outcome, error)));
  }

  private void configured(JobId id, Configurer.Outcome outcome, Throwable error) {
    if (error != null) {
      publishEnding(
          id,
          JobStatus.DATA_PROVISIONING_FAILED,
          Optional.empty(),
          stageFailure(id, "configuration", error));
      return;
    }
    if (outcome.failure().isPresent()) {
      publishEnding(id, outcome.failure().get(), Optional.empty(), outcome.message());
      return;
    }
    runAlgorithm(id, moveTo(id, JobStatus.PROVISIONED));
  }

  private void runAlgorithm(JobId id, JobState state) {
    if (state.stopRequested()) {
      publishEnding(id, JobStatus.STOPPED, Optional.empty(), state.stopMessage(NOT_RUN));
      return;
    }
    JobSpec spec = store.spec(id).orElseThrow();
    Launch launch = Launch.of(spec, store.data(id), settings);
    moveTo(id, JobStatus.RUNNING);
    AlgorithmRunner.Watch watch =
        new AlgorithmRunner.Watch(
            store.data(id).resolve("logs/algorithm.log"),
            spec.maxDuration().toSeconds(),
            settings.logMaxBytes(),
            () -> stopAsked(id));
    stages
        .algorithms()
        .start(
            id,
            launch,
            watch,
            end ->
                guarded(
                    id,
                    () ->
                        publishEnding(
                            id, end.status(), end.exitCode(), end.message().orElse(null))));
  }

  /** The message a running job stops with, once it was asked to; a job gone from the store is. */
  private Optional<String> stopAsked(JobId id) {
    Optional<JobState> state = store.state(id);
    if (state.isEmpty()) {
      return Optional.of(Watchdog.ON_REQUEST);
    }
    return state.filter(JobState::stopRequested).map(s -> s.stopMessage(Watchdog.ON_REQUEST));
  }

  /** Fixes how the job ends, then publishes whatever there is. */
  private void publishEnding(JobId id, JobStatus end, Optional<Integer> exit, String why) {
    store.update(
        id,
        s ->
            s.endingWith(end, exit, Optional.ofNullable(why))
                .moveTo(JobStatus.PUBLISHING, clock.instant()));
    ledger.catchUp(id);
    publish(id);
  }

  private void publish(JobId id) {
    workers.run(
        () -> stages.publisher().publish(store.directory(id)),
        settings.stageTimeout(),
        (results, error) -> guarded(id, () -> published(id, results, error)));
  }

  private void published(JobId id, List<JobResult> results, Throwable error) {
    if (error == null) {
      store.update(
          id,
          s ->
              s.withResults(results)
                  .moveTo(s.outcome().orElse(JobStatus.FINISHED), clock.instant()));
    } else {
      String why = stageFailure(id, "publishing", error);
      store.update(id, s -> s.withMessage(why).moveTo(JobStatus.PUBLISH_FAILED, clock.instant()));
    }
    ledger.catchUp(id);
    discardData(id);
    release(id);
    onEnded.accept(id);
  }

  void onEnded(Consumer<JobId> listener) {
    onEnded = listener;
  }

  private JobState moveTo(JobId id, JobStatus status) {
    JobState state = store.update(id, s -> s.moveTo(status, clock.instant()));
    ledger.catchUp(id);
    return state;
  }

  private String stageFailure(JobId id, String stage, Throwable error) {
    if (error instanceof TimeoutException) {
      return stage + " took longer than " + settings.stageTimeout().toSeconds() + " s";
    }
    LogSafe.log(LOG, Level.SEVERE, "The " + stage + " of job " + id + " failed", error);
    return stage + " failed";
  }

  /** Inputs must not linger once the results are out. */
  private void discardData(JobId id) {
    try {
      Trees.deleteRecursively(store.data(id));
    } catch (IOException e) {
      LogSafe.log(LOG, Level.WARNING, "The data of job " + id + " could not be deleted yet", e);
    }
  }

  /**
   * Runs one step; should it fail unexpectedly, the job ends with the failure of its stage rather
   * than waiting forever.
   */
  private void guarded(JobId id, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LogSafe.log(LOG, Level.SEVERE, "Job " + id + " failed in the engine", e);
      try {
        store.update(
            id,
            s ->
                s.finished()
                    ? s
                    : s.withMessage("the engine failed")
                        .moveTo(failureOf(s.status()), clock.instant()));
        ledger.catchUp(id);
        discardData(id);
        release(id);
      } catch (RuntimeException again) {
        LogSafe.log(
            LOG, Level.SEVERE, "Job " + id + " could not be ended; the next start retries", again);
      }
    }
  }

  private static JobStatus failureOf(JobStatus status) {
    return switch (status.stage()) {
      case QUEUE, CONFIGURE -> JobStatus.DATA_PROVISIONING_FAILED;
      case ALGORITHM -> JobStatus.ALGORITHM_FAILED;
      case PUBLISH -> JobStatus.PUBLISH_FAILED;
    };
  }
}
