package org.cove.engine.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.cove.operator.JobStatus;

/**
 * Watches one running algorithm, a few times a second, and ends it when it must end: stopped on
 * request (44), past its deadline (43), its outputs or its log over their limits (42). The first
 * reason found is the one that counts. Ending means killing the process and, for an unsandboxed
 * one, every process it started; a sandboxed algorithm's tree dies with bwrap.
 */
final class Watchdog {

  /** Why the watchdog ended the algorithm, in words for the consumer. */
  record Verdict(JobStatus status, String message) {}

  private final Process process;
  private final long deadlineNanos;
  private final long maxDurationSeconds;
  private final Path outputs;
  private final long outputLimit;
  private final Path log;
  private final long logLimit;
  private final BooleanSupplier stopRequested;
  private final AtomicReference<Verdict> verdict = new AtomicReference<>();

  Watchdog(
      Process process,
      long maxDurationSeconds,
      Path outputs,
      long outputLimit,
      Path log,
      long logLimit,
      BooleanSupplier stopRequested) {
    this.process = process;
    this.deadlineNanos = System.nanoTime() + maxDurationSeconds * 1_000_000_000L;
    this.maxDurationSeconds = maxDurationSeconds;
    this.outputs = outputs;
    this.outputLimit = outputLimit;
    this.log = log;
    this.logLimit = logLimit;
    this.stopRequested = stopRequested;
  }

  /** One look; scheduled every ~200 ms while the algorithm runs. */
  void check() {
    if (verdict.get() != null || !process.isAlive()) {
      return;
    }
    if (stopRequested.getAsBoolean()) {
      end(new Verdict(JobStatus.STOPPED, "stopped on request"));
    } else if (System.nanoTime() - deadlineNanos >= 0) {
      end(
          new Verdict(
              JobStatus.TIMED_OUT,
              "the algorithm ran longer than its maximum duration of "
                  + maxDurationSeconds
                  + " s"));
    } else if (Trees.regularFileBytes(outputs) >= outputLimit) {
      end(outputLimitReached(outputLimit));
    } else if (log.toFile().length() > logLimit) {
      end(
          new Verdict(
              JobStatus.OUTPUT_LIMIT_EXCEEDED,
              "the algorithm's log went past its limit of " + logLimit + " bytes"));
    }
  }

  static Verdict outputLimitReached(long limit) {
    return new Verdict(
        JobStatus.OUTPUT_LIMIT_EXCEEDED, "the outputs reached their limit of " + limit + " bytes");
  }

  void stop() {
    end(new Verdict(JobStatus.STOPPED, "stopped on request"));
  }

  Optional<Verdict> verdict() {
    return Optional.ofNullable(verdict.get());
  }

  private void end(Verdict reason) {
    if (verdict.compareAndSet(null, reason)) {
      kill(process);
    }
  }

  /** Kills the process and its descendants, found before the parent dies and they move away. */
  static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
