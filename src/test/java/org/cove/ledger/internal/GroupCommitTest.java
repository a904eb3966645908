package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail.Keyed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private static final Address ACTOR = new Address("0x" + "1".repeat(40));

  /** A ledger in memory whose first write waits until the test lets it go. */
  private final Set<String> recorded = new LinkedHashSet<>();

  private final List<List<String>> writes = new ArrayList<>();
  private final CountDownLatch firstWriteEntered = new CountDownLatch(1);
  private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
  private final GroupCommit group = new GroupCommit(this::write);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  private synchronized Set<String> writeNow(List<Keyed> events) {
    writes.add(events.stream().map(Keyed::key).toList());
    if (events.stream().anyMatch(e -> e.event().kind().equals("poison"))) {
      throw new IllegalStateException("cannot write " + events.size() + " event(s)");
    }
    Set<String> appended = new LinkedHashSet<>();
    events.forEach(
        e -> {
          if (recorded.add(e.key())) {
            appended.add(e.key());
          }
        });
    return appended;
  }

  private Set<String> write(List<Keyed> events) {
    if (firstWriteEntered.getCount() > 0) {
      firstWriteEntered.countDown();
      waitFor(firstWriteMayEnd);
    }
    return writeNow(events);
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void appenders_arriving_during_a_write_share_the_next_transaction() throws Exception {
    Future<Integer> first = threads.submit(() -> group.append(List.of(keyed("first"))));
    waitFor(firstWriteEntered);
    List<Future<Integer>> others = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      String key = "job:" + i;
      others.add(
          threads.submit(() -> group.append(List.of(keyed(key + ":1"), keyed(key + ":20")))));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 15);

    firstWriteMayEnd.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    for (Future<Integer> other : others) {
      assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }
    assertThat(writes).hasSize(2);
    assertThat(writes.get(1)).hasSize(30);
    assertThat(recorded).hasSize(31);
  }

  @Test
  void a_key_asked_for_twice_in_one_batch_counts_for_the_first_appender_only() throws Exception {
    Future<Integer> first = threads.submit(() -> group.append(List.of(keyed("first"))));
    waitFor(firstWriteEntered);
    Future<Integer> a = threads.submit(() -> group.append(List.of(keyed("same"), keyed("a"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 1);
    Future<Integer> b = threads.submit(() -> group.append(List.of(keyed("same"), keyed("b"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 2);

    firstWriteMayEnd.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(recorded).containsExactly("first", "same", "a", "b");
  }

  @Test
  void an_appender_whose_events_fail_does_not_fail_the_others_in_its_batch() throws Exception {
    Future<Integer> first = threads.submit(() -> group.append(List.of(keyed("first"))));
    waitFor(firstWriteEntered);
    Future<Integer> good = threads.submit(() -> group.append(List.of(keyed("good"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 1);
    Future<Integer> bad =
        threads.submit(
            () -> group.append(List.of(new Keyed("bad", event("poison")), keyed("fine"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 2);

    firstWriteMayEnd.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(recorded).containsExactly("first", "good");
  }

  @Test
  void an_appender_alone_gets_the_writes_failure() {
    firstWriteEntered.countDown();

    assertThatThrownBy(() -> group.append(List.of(new Keyed("bad", event("poison")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot write 1 event(s)");
    assertThat(group.append(List.of(keyed("next")))).isEqualTo(1);
    assertThat(group.append(List.of(keyed("next")))).isZero();
  }

  private static Keyed keyed(String key) {
    return new Keyed(key, event("job-status"));
  }

  private static AuditEvent event(String kind) {
    return new AuditEvent(ACTOR, kind, "subject", JsonValue.EMPTY_JSON_OBJECT, Set.of(ACTOR));
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the latch was never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
