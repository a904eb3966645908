package org.cove.engine.internal.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.cove.engine.internal.core.BackendServices;
import org.cove.engine.internal.core.BackendThreads;
import org.cove.engine.internal.core.StorageExpiry;
import org.cove.operator.EngineHealth;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.ComputeEngine;
import org.cove.shared.CoveException;
import org.cove.shared.NotFoundException;
import org.cove.shared.ProblemType;

/**
 * The {@code local} backend's {@link ComputeEngine}, built from explicit collaborators so that
 * tests run it whole without a container. Its jobs live under {@code <data dir>/engine/jobs/}; see
 * {@link JobRunner} for the stages and {@link Recovery} for what happens at start.
 */
final class LocalJobs implements ComputeEngine {

  private static final Logger LOG = Logger.getLogger(LocalJobs.class.getName());

  private final JobStore store;
  private final StatusLedger ledger;
  private final AlgorithmRunner algorithms;
  private final JobRunner runner;
  private final LiveLog liveLog;
  private final Recovery recovery;
  private final ExpirySweep expiry;
  private final SandboxCheck.Setup setup;
  private final EngineSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final List<ScheduledFuture<?>> sweeps = new java.util.concurrent.CopyOnWriteArrayList<>();

  LocalJobs(
      BackendServices services, BackendThreads threads, EngineSettings settings, Tools tools) {
    Path dataDirectory = services.dataDirectory();
    Path stateDirectory = dataDirectory.resolve("engine");
    createDirectory(stateDirectory);
    this.settings = settings;
    this.scheduler = threads.scheduler();
    this.clock = services.clock();
    this.setup = SandboxCheck.inspect(settings, stateDirectory, tools);
    this.store = new JobStore(stateDirectory);
    this.ledger = new StatusLedger(store, services.history());
    PathRedactor redactor = new PathRedactor(List.of(dataDirectory));
    OptionalInt uid = setup.sandboxUid();
    this.algorithms =
        new AlgorithmRunner(setup.sandbox().orElse(null), threads.factory(), scheduler);
    this.runner =
        new JobRunner(
            store,
            ledger,
            new JobRunner.Stages(
                new Configurer(services.inputs(), settings.runtimes(), new JobFiles(uid)),
                algorithms,
                new Publisher(redactor, settings.logMaxBytes())),
            new Workers(threads.factory(), scheduler),
            clock,
            settings);
    this.liveLog = new LiveLog(store, redactor, settings.logMaxBytes());
    this.recovery = new Recovery(store, ledger, runner, scheduler);
    this.expiry = new ExpirySweep(store, new StorageExpiry(services.environments()), clock);
  }

  /** Takes up the jobs an earlier run left, then keeps the ledger and storage tidy. */
  void start() {
    setup.health().warning().ifPresent(w -> LOG.warning("WARNING: " + w));
    setup.health().refusal().ifPresent(r -> LOG.severe("The local engine accepts no jobs: " + r));
    recovery.run();
    sweeps.add(scheduler.scheduleWithFixedDelay(this::sweepLedger, 30, 30, TimeUnit.SECONDS));
    sweeps.add(scheduler.scheduleWithFixedDelay(this::sweepExpired, 1, 300, TimeUnit.SECONDS));
  }

  /** Records in the ledger whatever it missed while it could not record. */
  void sweepLedger() {
    ledger.catchUpAll();
  }

  /** Deletes the jobs whose storage has expired. */
  void sweepExpired() {
    expiry.run();
  }

  /**
   * Stops the sweeps and kills running algorithms; their jobs end as interrupted at the next start.
   */
  void close() {
    sweeps.forEach(s -> s.cancel(false));
    algorithms.close();
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public void submit(JobId id, JobSpec spec) {
    if (!setup.health().acceptsJobs()) {
      throw new CoveException(ProblemType.UNAVAILABLE, setup.health().refusal().orElseThrow());
    }
    store.create(id, spec, clock.instant());
    // the ledger follows on the engine's thread: the caller waits only for the job to be stored
    scheduler.execute(
        () -> {
          ledger.catchUp(id);
          runner.advance(id);
        });
  }

  /** Calls {@code listener} with each job that ended after publishing, on the engine's thread. */
  void onEnded(Consumer<Job> listener) {
    runner.onEnded(id -> find(id).ifPresent(listener));
  }

  @Override
  public Optional<Job> find(JobId id) {
    return store.state(id).map(state -> state.toJob(id, store.spec(id).orElseThrow()));
  }

  @Override
  public List<Job> jobs(java.util.function.Predicate<JobSpec> matching, boolean unfinishedOnly) {
    return store.ids(matching, unfinishedOnly).stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(Job::dateCreated).reversed())
        .toList();
  }

  @Override
  public long unfinishedJobs(String environment) {
    return store.unfinished(environment);
  }

  @Override
  public List<Job> jobs() {
    return jobs(spec -> true, false);
  }

  @Override
  public void requestStop(JobId id, Optional<String> reason) {
    JobState state = store.state(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (state.finished()) {
      return;
    }
    JobState stopping = store.update(id, s -> s.finished() ? s : s.withStopRequested(reason));
    algorithms.stop(id, stopping.stopMessage(Watchdog.ON_REQUEST));
    runner.stopQueued(id);
  }

  @Override
  public void delete(JobId id) {
    JobState state = store.state(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (!state.finished()) {
      throw new CoveException(ProblemType.CONFLICT, "the job has not finished; stop it first");
    }
    try {
      store.delete(id);
    } catch (IOException e) {
      throw new UncheckedIOException("job " + id + " could not be deleted", e);
    }
  }

  @Override
  public InputStream openResult(JobId id, int index) throws IOException {
    JobState state = store.state(id).orElseThrow(() -> new NotFoundException("no such job"));
    JobResult result =
        state.results().stream()
            .filter(r -> r.index() == index)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("the job has no result " + index));
    return Files.newInputStream(store.results(id).resolve(String.valueOf(result.index())));
  }

  @Override
  public Optional<InputStream> openLiveLog(JobId id, long offset) throws IOException {
    return liveLog.open(id, offset);
  }

  @Override
  public EngineHealth health() {
    return setup.health();
  }

  @Override
  public Optional<String> refusalFor(JobSpec.Container container) {
    return settings.runtimes().refusalFor(container, settings.sandbox() == SandboxMode.BUBBLEWRAP);
  }

  private static void createDirectory(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the engine's directory", e);
    }
  }
}
