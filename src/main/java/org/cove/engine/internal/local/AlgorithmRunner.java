package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.cove.shared.LogSafe;

/**
 * The algorithm stage: starts the sandboxed process with stdout and stderr going to the log file,
 * has a {@link Watchdog} look at it every 200 ms, waits for it to exit and says how the job ends.
 *
 * <p>Each algorithm is started from, and waited for on, a thread of its own that lives exactly as
 * long as the process: bwrap's {@code --die-with-parent} is a parent-death signal, which Linux
 * sends when the <em>thread</em> that started the process ends, not the JVM. A pooled thread that
 * retired would kill a healthy algorithm.
 */
final class AlgorithmRunner {

  private static final Logger LOG = Logger.getLogger(AlgorithmRunner.class.getName());
  private static final long CHECK_MILLIS = 200;

  /** How the algorithm stage ended: the job's terminal status, exit code and explanation. */
  record End(JobStatus status, Optional<Integer> exitCode, Optional<String> message) {}

  /**
   * What the stage needs besides the launch: where the log goes, the limits to watch, and whether
   * the job was asked to stop (the message it then ends with).
   */
  record Watch(
      Path log, long maxDurationSeconds, long logLimit, Supplier<Optional<String>> stopRequested) {}

  private final Sandbox sandbox;
  private final ThreadFactory threads;
  private final ScheduledExecutorService scheduler;
  private final Map<JobId, Watchdog> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  AlgorithmRunner(Sandbox sandbox, ThreadFactory threads, ScheduledExecutorService scheduler) {
    this.sandbox = sandbox;
    this.threads = threads;
    this.scheduler = scheduler;
  }

  /** Starts the algorithm; {@code then} runs on the scheduler once it has ended. */
  void start(JobId id, Launch launch, Watch watch, Consumer<End> then) {
    threads.newThread(() -> run(id, launch, watch, then)).start();
  }

  /**
   * Ends the job's algorithm now, if it runs, with {@code message} as its reason (the watchdog also
   * sees the stored request).
   */
  void stop(JobId id, String message) {
    Watchdog watchdog = running.get(id);
    if (watchdog != null) {
      watchdog.stop(message);
    }
  }

  boolean isRunning(JobId id) {
    return running.containsKey(id);
  }

  /**
   * Kills every running algorithm without deciding how its job ends: the jobs stay at status 40 and
   * the next start interrupts them (45), as after a crash.
   */
  void close() {
    closed = true;
    running.values().forEach(watchdog -> watchdog.stop("the engine is stopping"));
  }

  private void run(JobId id, Launch launch, Watch watch, Consumer<End> then) {
    Process process;
    try {
      process = start(launch, watch.log());
    } catch (IOException e) {
      LogSafe.log(LOG, Level.SEVERE, "The sandbox of job " + id + " could not be started", e);
      continueWith(
          then,
          new End(
              JobStatus.ALGORITHM_FAILED,
              Optional.empty(),
              Optional.of("the sandbox could not be started")));
      return;
    }
    Watchdog watchdog = new Watchdog(process, watch, launch.outputs(), launch.limits().fileBytes());
    running.put(id, watchdog);
    ScheduledFuture<?> checks =
        scheduler.scheduleWithFixedDelay(
            watchdog::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      // the container is taking the thread away: the job is interrupted at the next start
      Watchdog.kill(process, launch.outputs());
      Thread.currentThread().interrupt();
      return;
    } finally {
      checks.cancel(false);
      running.remove(id);
    }
    if (!closed) {
      continueWith(then, end(exit, watchdog, launch));
    }
  }

  private Process start(Launch launch, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(sandbox.command(launch))
            .directory(launch.outputs().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().clear();
    builder.environment().putAll(sandbox.environment(launch));
    Process process = builder.start();
    // nothing is ever written to the algorithm's stdin: it reads end of file, never blocks
    process.getOutputStream().close();
    return process;
  }

  private static End end(int exit, Watchdog watchdog, Launch launch) {
    Optional<Integer> code = Optional.of(exit);
    if (watchdog.verdict().isPresent()) {
      Watchdog.Verdict verdict = watchdog.verdict().get();
      return new End(verdict.status(), code, Optional.of(verdict.message()));
    }
    long limit = launch.limits().fileBytes();
    if (Trees.regularFileBytes(launch.outputs()) >= limit) {
      return new End(
          JobStatus.OUTPUT_LIMIT_EXCEEDED,
          code,
          Optional.of(Watchdog.outputLimitReached(limit).message()));
    }
    if (exit == 0) {
      return new End(JobStatus.FINISHED, code, Optional.empty());
    }
    return new End(
        JobStatus.ALGORITHM_FAILED, code, Optional.of("the algorithm exited with code " + exit));
  }

  private void continueWith(Consumer<End> then, End end) {
    try {
      scheduler.execute(() -> then.accept(end));
    } catch (RejectedExecutionException e) {
      LOG.info("The engine is stopping; the job is taken up again at the next start");
    }
  }
}
