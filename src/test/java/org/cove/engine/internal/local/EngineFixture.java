package org.cove.engine.internal.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import org.cove.engine.internal.core.BackendServices;
import org.cove.engine.internal.core.BackendThreads;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.FakeAuditTrail;
import org.cove.engine.internal.core.FakeInputs;
import org.cove.engine.internal.core.JobHistory;
import org.cove.engine.internal.core.MutableClock;
import org.cove.engine.internal.core.TestEnvironments;
import org.cove.operator.Environments;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.shared.Address;

/**
 * The real local engine over a test's own data directory, with fake inputs and ledger, real
 * bubblewrap, its own scheduler, and a clock the test can move.
 */
final class EngineFixture implements AutoCloseable {

  static final Address ENGINE = new Address("0x" + "9".repeat(40));
  static final Duration PATIENCE = Duration.ofSeconds(60);

  final Path dataDir;
  final FakeInputs inputs;
  final FakeAuditTrail ledger;
  final MutableClock clock;
  final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4, daemons());
  final LocalJobs engine;
  volatile long storageExpirySeconds = 3600;

  EngineFixture(Path dataDir, EngineSettings settings) {
    this(dataDir, settings, new FakeInputs(), new FakeAuditTrail(), new MutableClock());
  }

  /** A second engine over the same directory, inputs and ledger, as after a restart. */
  EngineFixture(
      Path dataDir,
      EngineSettings settings,
      FakeInputs inputs,
      FakeAuditTrail ledger,
      MutableClock clock) {
    this.dataDir = dataDir;
    this.inputs = inputs;
    this.ledger = ledger;
    this.clock = clock;
    searchableByOthers(dataDir);
    this.engine =
        new LocalJobs(
            new BackendServices(
                dataDir, inputs, environments(), new JobHistory(ledger, ENGINE), clock),
            new BackendThreads(scheduler, daemons()),
            settings,
            Tools.host());
    engine.start();
  }

  static EngineSettings settings() {
    return EngineSettings.defaults().withMaxProcesses(64);
  }

  JobId submit(JobSpec spec) {
    JobId id = JobId.random();
    engine.submit(id, spec);
    return id;
  }

  Job job(JobId id) {
    return engine.find(id).orElseThrow();
  }

  /**
   * Waits until the job has finished and settled: its end is in the ledger (unless the ledger is
   * down) and its inputs are deleted, the two things the engine does after storing the end.
   */
  Job awaitFinished(JobId id) {
    Eventually.until(
        "job " + id + " to finish",
        PATIENCE,
        () -> {
          Job job = job(id);
          return job.finished()
              && (ledger.down
                  || ledger.keys().contains("job:" + id + ":status:" + job.status().code()))
              && !Files.exists(jobDirectory(id).resolve("data"));
        });
    return job(id);
  }

  /** The statuses the job reached, in the order it reached them. */
  static List<JobStatus> statusesInOrder(Job job) {
    return job.timeline().entrySet().stream()
        .sorted(
            java.util.Map.Entry.<JobStatus, java.time.Instant>comparingByValue()
                .thenComparing(e -> e.getKey().code()))
        .map(java.util.Map.Entry::getKey)
        .toList();
  }

  Job awaitStatus(JobId id, JobStatus status) {
    Eventually.until(
        "job " + id + " to reach " + status,
        PATIENCE,
        () -> job(id).timeline().containsKey(status));
    return job(id);
  }

  JobResult result(JobId id, ResultType type) {
    return job(id).results().stream().filter(r -> r.type() == type).findFirst().orElseThrow();
  }

  String content(JobId id, JobResult result) {
    try (InputStream in = engine.openResult(id, result.index())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String log(JobId id, ResultType type) {
    return content(id, result(id, type));
  }

  String output(JobId id, String filename) {
    return content(
        id,
        job(id).results().stream()
            .filter(r -> r.type() == ResultType.OUTPUT && r.filename().equals(filename))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no output " + filename)));
  }

  /** Every result's content, concatenated: for asserting what a consumer can never get. */
  String everything(JobId id) {
    StringBuilder all = new StringBuilder();
    job(id).results().forEach(r -> all.append(content(id, r)));
    return all.toString();
  }

  Path jobDirectory(JobId id) {
    return dataDir.resolve("engine/jobs").resolve(id.value());
  }

  @Override
  public void close() {
    engine.close();
    scheduler.shutdownNow();
  }

  private Environments environments() {
    return new TestEnvironments(() -> storageExpirySeconds);
  }

  static ThreadFactory daemons() {
    return runnable -> {
      Thread thread = new Thread(runnable);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** JUnit makes temporary directories private; the sandbox user must pass through. */
  private static void searchableByOthers(Path dir) {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
