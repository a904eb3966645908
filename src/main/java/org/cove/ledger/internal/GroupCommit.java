package org.cove.ledger.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.cove.shared.AuditTrail.Keyed;

/**
 * Lets appenders on many threads share one transaction. Each queues its events and waits for its
 * turn to write; whoever has the turn writes everything queued so far in one transaction (one
 * append lock, one head read, one commit) and hands each appender its outcome, so the others find
 * their work done. Alone, an append costs what it always did; under load, the ledger's global
 * append lock is taken once per batch instead of once per event.
 */
final class GroupCommit {

  /** Enough to empty the queue of a busy server in one go, small enough for one transaction. */
  static final int MAX_EVENTS = 1_000;

  private record Pending(List<Keyed> events, CompletableFuture<Integer> appended) {}

  private final Function<List<Keyed>, Set<String>> write;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock turn = new ReentrantLock();

  /**
   * @param write appends the events whose keys are not recorded yet, in one transaction, and
   *     returns the keys it appended
   */
  GroupCommit(Function<List<Keyed>, Set<String>> write) {
    this.write = write;
  }

  /**
   * Appends the events (each key once) and returns how many were new; throws what the write did.
   */
  int append(List<Keyed> events) {
    Pending mine = new Pending(List.copyOf(events), new CompletableFuture<>());
    queue.add(mine);
    turn.lock();
    try {
      while (!mine.appended().isDone()) {
        writeQueued();
      }
    } finally {
      turn.unlock();
    }
    try {
      return mine.appended().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** How many appenders wait to be written. */
  int waiting() {
    return queue.size();
  }

  private void writeQueued() {
    List<Pending> batch = new ArrayList<>();
    int events = 0;
    for (Pending next = queue.peek();
        next != null && (batch.isEmpty() || events + next.events().size() <= MAX_EVENTS);
        next = queue.peek()) {
      batch.add(queue.poll());
      events += next.events().size();
    }
    try {
      share(batch, write.apply(batch.stream().flatMap(p -> p.events().stream()).toList()));
    } catch (RuntimeException failed) {
      if (batch.size() == 1) {
        batch.get(0).appended().completeExceptionally(failed);
      } else {
        // one appender's events may be what failed: the others must not fail with them
        batch.forEach(this::writeAlone);
      }
    }
  }

  private void writeAlone(Pending pending) {
    try {
      share(List.of(pending), write.apply(pending.events()));
    } catch (RuntimeException failed) {
      pending.appended().completeExceptionally(failed);
    }
  }

  /** Each appended key counts for the first appender that asked for it, as if they had queued. */
  private static void share(List<Pending> batch, Set<String> appended) {
    Set<String> unclaimed = new HashSet<>(appended);
    for (Pending pending : batch) {
      int mine = 0;
      for (Keyed keyed : pending.events()) {
        mine += unclaimed.remove(keyed.key()) ? 1 : 0;
      }
      pending.appended().complete(mine);
    }
  }
}
