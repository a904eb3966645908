package org.cove.engine.internal.kubernetes;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.LogSafe;

/**
 * Jobs waiting to be reconciled, each at most once: a job added while queued is not queued again,
 * and a job added while being reconciled is reconciled once more afterwards, never by two workers
 * at once. A failed reconcile comes back after an exponential backoff; a reconcile may ask to be
 * called again after a delay (a deadline). A few workers share the queue.
 */
final class WorkQueue implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WorkQueue.class.getName());
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

  private final Set<String> queued = new LinkedHashSet<>();
  private final Set<String> active = new HashSet<>();
  private final Set<String> again = new HashSet<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Function<String, java.util.Optional<Duration>> work;
  private final ScheduledExecutorService timer;
  private final Thread[] workers;
  private volatile boolean closed;

  WorkQueue(
      Function<String, java.util.Optional<Duration>> work,
      int workers,
      ThreadFactory threads,
      ScheduledExecutorService timer) {
    this.work = work;
    this.timer = timer;
    this.workers = new Thread[workers];
    for (int i = 0; i < workers; i++) {
      this.workers[i] = threads.newThread(this::run);
    }
  }

  void start() {
    for (Thread worker : workers) {
      worker.start();
    }
  }

  synchronized void add(String key) {
    if (closed) {
      return;
    }
    if (active.contains(key)) {
      again.add(key);
    } else if (queued.add(key)) {
      notifyAll();
    }
  }

  void addAfter(String key, Duration delay) {
    if (closed) {
      return;
    }
    timer.schedule(() -> add(key), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  synchronized int size() {
    return queued.size() + active.size();
  }

  private void run() {
    while (!closed) {
      String key = next();
      if (key == null) {
        return;
      }
      try {
        java.util.Optional<Duration> later = work.apply(key);
        succeeded(key);
        later.ifPresent(delay -> addAfter(key, delay));
      } catch (Throwable e) {
        if (closed) {
          return;
        }
        Duration backoff = failed(key);
        LogSafe.log(
            LOG, Level.WARNING, "Reconciling job " + key + " failed; again in " + backoff, e);
        addAfter(key, backoff);
      } finally {
        done(key);
      }
    }
  }

  private synchronized String next() {
    while (!closed && queued.isEmpty()) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    if (closed) {
      return null;
    }
    String key = queued.iterator().next();
    queued.remove(key);
    active.add(key);
    return key;
  }

  private synchronized void done(String key) {
    active.remove(key);
    if (again.remove(key) && !closed) {
      queued.add(key);
      notifyAll();
    }
  }

  private synchronized void succeeded(String key) {
    failures.remove(key);
  }

  private synchronized Duration failed(String key) {
    int n = failures.merge(key, 1, Integer::sum);
    long millis = FIRST_BACKOFF.toMillis() << Math.min(n - 1, 20);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      queued.clear();
      notifyAll();
    }
    for (Thread worker : workers) {
      worker.interrupt();
    }
  }
}
