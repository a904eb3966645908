package org.cove.engine.internal.local;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Runs a stage's blocking work (fetching inputs, copying results) on a thread of its own, so that
 * slow work never holds up the scheduler, and gives up on it at the stage's deadline: the work is
 * interrupted and the job continues as if it had failed with a {@link TimeoutException}. What comes
 * next always runs on the scheduler; once the scheduler is shut down, nothing more runs.
 */
final class Workers {

  private final ThreadFactory threads;
  private final ScheduledExecutorService scheduler;

  Workers(ThreadFactory threads, ScheduledExecutorService scheduler) {
    this.threads = threads;
    this.scheduler = scheduler;
  }

  <T> void run(Callable<T> work, Duration deadline, BiConsumer<T, Throwable> then) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread worker =
        threads.newThread(
            () -> {
              try {
                result.complete(work.call());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            });
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              if (result.completeExceptionally(new TimeoutException())) {
                worker.interrupt();
              }
            },
            deadline.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete((value, error) -> timer.cancel(false));
    result.whenCompleteAsync(then, scheduler);
    worker.start();
  }
}
