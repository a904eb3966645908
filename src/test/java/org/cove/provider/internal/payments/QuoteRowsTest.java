package org.cove.provider.internal.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cove.shared.Address;
import org.cove.testing.RandomData;
import org.cove.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bounds on stored quotes, against a real PostgreSQL migrated with Cove's migrations. */
class QuoteRowsTest {

  private static final Duration VALIDITY = Duration.ofMinutes(10);
  private static final Duration RETENTION = Duration.ofHours(1);
  private static final int RACERS = 20;

  private static TestDatabase database;

  private final RandomData random = RandomData.fromSeedProperty();
  private final Address consumer = random.address();
  private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    database.truncateAll();
  }

  @Test
  void a_consumer_at_the_limit_is_refused_until_the_oldest_quote_expires() throws SQLException {
    for (int i = 0; i < 3; i++) {
      insert(consumer, "did:op:a/access", now.plusSeconds(i), 3);
    }

    assertThatThrownBy(() -> insert(consumer, "did:op:b/access", now.plusSeconds(5), 3))
        .isInstanceOfSatisfying(
            QuoteRows.LimitReached.class,
            e -> assertThat(e.retryAfter()).isEqualTo(VALIDITY.minusSeconds(5)));
    assertThat(count()).isEqualTo(3);

    // Once the first quote has expired, there is room for one more, and only one.
    Instant later = now.plus(VALIDITY);
    insert(consumer, "did:op:b/access", later, 3);
    assertThatThrownBy(() -> insert(consumer, "did:op:b/access", later, 3))
        .isInstanceOf(QuoteRows.LimitReached.class);
  }

  @Test
  void the_limit_is_per_consumer() throws SQLException {
    for (int i = 0; i < 2; i++) {
      insert(consumer, "did:op:a/access", now, 2);
    }

    insert(random.address(), "did:op:a/access", now, 2);

    assertThat(count()).isEqualTo(3);
  }

  @Test
  void quotes_expired_longer_than_the_retention_are_swept_on_the_next_write() throws SQLException {
    Address other = random.address();
    insert(other, "did:op:a/access", now, 10);
    insert(other, "did:op:a/access", now.plus(RETENTION), 10);

    // The first expired more than the retention ago; the second expired, but only just.
    insert(consumer, "did:op:a/access", now.plus(VALIDITY).plus(RETENTION).plusSeconds(1), 10);

    assertThat(validUntils()).containsExactly(now.plus(VALIDITY).plus(RETENTION), later());
  }

  @Test
  void a_sweep_deletes_a_bounded_batch() throws SQLException {
    for (int i = 0; i < QuoteRows.SWEEP_BATCH + 5; i++) {
      insert(random.address(), "did:op:a/access", now, 1);
    }
    try (Connection c = database.connect()) {
      assertThat(QuoteRows.sweep(c, now.plus(VALIDITY).plusSeconds(1)))
          .isEqualTo(QuoteRows.SWEEP_BATCH);
      assertThat(QuoteRows.sweep(c, now.plus(VALIDITY).plusSeconds(1))).isEqualTo(5);
    }
    assertThat(count()).isZero();
  }

  @Test
  void concurrent_requests_of_one_consumer_never_pass_the_limit_together() throws Exception {
    int limit = 7;
    ExecutorService threads = Executors.newFixedThreadPool(RACERS);
    try {
      CyclicBarrier start = new CyclicBarrier(RACERS);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Callable<Boolean> racer =
            () -> {
              start.await();
              try {
                insert(consumer, "did:op:a/access", now, limit);
                return true;
              } catch (QuoteRows.LimitReached e) {
                return false;
              }
            };
        outcomes.add(threads.submit(racer));
      }
      int stored = 0;
      for (Future<Boolean> outcome : outcomes) {
        stored += outcome.get() ? 1 : 0;
      }
      assertThat(stored).isEqualTo(limit);
      assertThat(count()).isEqualTo(limit);
    } finally {
      threads.shutdownNow();
    }
  }

  private Instant later() {
    return now.plus(VALIDITY).plus(RETENTION).plusSeconds(1).plus(VALIDITY);
  }

  /** Stores a quote issued at {@code issued} in its own transaction, as a request does. */
  private static void insert(Address who, String item, Instant issued, int limit)
      throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        QuoteRows.insert(
            c,
            who,
            item,
            new StoredQuote(
                0,
                new Address("0x" + "1".repeat(40)),
                Optional.empty(),
                8996,
                BigInteger.TEN,
                issued,
                issued.plus(VALIDITY)),
            limit,
            RETENTION);
        c.commit();
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static long count() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select count(*) from payment_quote")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<Instant> validUntils() throws SQLException {
    List<Instant> list = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery("select valid_until from payment_quote order by valid_until")) {
      while (rows.next()) {
        list.add(rows.getTimestamp(1).toInstant());
      }
    }
    return list;
  }
}
