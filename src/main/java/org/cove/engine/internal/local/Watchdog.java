package org.cove.engine.internal.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobStatus;

/**
 * Watches one running algorithm, a few times a second, and ends it when it must end: stopped on
 * request, with the request's reason (44), past its deadline (43), its outputs or its log over
 * their limits (42). The first reason found is the one that counts. Ending means killing the
 * process and, for an unsandboxed one, every process it started; a sandboxed algorithm's tree dies
 * with bwrap, and a bwrap child that escaped the tree is found by its command line (see {@link
 * #kill}).
 */
final class Watchdog {

  private static final long ESCAPE_WAIT_SECONDS = 5;

  /** A stopped algorithm's message when its stop gave no reason. */
  static final String ON_REQUEST = "stopped on request";

  /** Why the watchdog ended the algorithm, in words for the consumer. */
  record Verdict(JobStatus status, String message) {}

  private final Process process;
  private final long deadlineNanos;
  private final long maxDurationSeconds;
  private final Path outputs;
  private final long outputLimit;
  private final Path log;
  private final long logLimit;
  private final Supplier<Optional<String>> stopRequested;
  private final AtomicReference<Verdict> verdict = new AtomicReference<>();

  /** Watches {@code process} as {@code watch} says, its outputs capped at {@code outputLimit}. */
  Watchdog(Process process, AlgorithmRunner.Watch watch, Path outputs, long outputLimit) {
    this.process = process;
    this.deadlineNanos = System.nanoTime() + watch.maxDurationSeconds() * 1_000_000_000L;
    this.maxDurationSeconds = watch.maxDurationSeconds();
    this.outputs = outputs;
    this.outputLimit = outputLimit;
    this.log = watch.log();
    this.logLimit = watch.logLimit();
    this.stopRequested = watch.stopRequested();
  }

  /** One look; scheduled every ~200 ms while the algorithm runs. */
  void check() {
    if (verdict.get() != null || !process.isAlive()) {
      return;
    }
    Optional<String> stop = stopRequested.get();
    if (stop.isPresent()) {
      stop(stop.get());
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

  /** Ends the algorithm now; {@code message} says why. */
  void stop(String message) {
    end(new Verdict(JobStatus.STOPPED, message));
  }

  Optional<Verdict> verdict() {
    return Optional.ofNullable(verdict.get());
  }

  private void end(Verdict reason) {
    if (verdict.compareAndSet(null, reason)) {
      kill(process, outputs);
    }
  }

  /** Whether the command line has {@code path} as one of its words (not as a prefix of one). */
  static boolean names(String commandLine, Path path) {
    String word = path.toString();
    return commandLine.contains(word + " ") || commandLine.endsWith(word);
  }

  /**
   * Kills the process and its descendants (found before the parent dies and they move away), then,
   * once it is dead, whatever still names the job's outputs on its command line. bwrap's child sets
   * its death signal only after it was forked: a bwrap killed in that instant left the child (pid 1
   * of the sandbox's namespace, deaf to SIGTERM) behind, reparented to init, out of reach of
   * descendants() and alive for good. It carries bwrap's command line, outputs path included.
   */
  static void kill(Process process, Path outputs) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(ESCAPE_WAIT_SECONDS, TimeUnit.SECONDS); // dead, it forks no more
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(line -> names(line, outputs)).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }
}
