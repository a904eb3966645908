package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cove.shared.Address;
import org.cove.testing.RandomData;
import org.cove.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NonceStoreTest {

  private static final int RACERS = 100;
  private static final int RACES = 20;

  private static TestDatabase database;
  private static List<Connection> connections;
  private static ExecutorService threads;

  private final RandomData random = RandomData.fromSeedProperty();
  private final Address address = random.address();

  @BeforeAll
  static void connectEveryRacer() throws SQLException {
    database = TestDatabase.migrated();
    connections = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      connections.add(database.connect());
    }
    threads = Executors.newFixedThreadPool(RACERS);
  }

  @AfterAll
  static void disconnect() throws SQLException {
    threads.shutdownNow();
    for (Connection connection : connections) {
      connection.close();
    }
  }

  @Test
  void the_first_nonce_of_an_address_is_accepted() throws SQLException {
    Connection connection = connections.get(0);

    assertThat(NonceStore.last(connection, address)).isZero();
    assertThat(NonceStore.advance(connection, address, 7)).isTrue();
    assertThat(NonceStore.last(connection, address)).isEqualTo(7);
  }

  @Test
  void nonce_zero_is_refused_because_an_unseen_address_has_last_nonce_zero() throws SQLException {
    Connection connection = connections.get(0);

    assertThat(NonceStore.advance(connection, address, 0)).isFalse();
    assertThat(NonceStore.last(connection, address)).isZero();
    assertThat(NonceStore.advance(connection, address, 1)).isTrue();
  }

  @Test
  void the_same_nonce_again_is_refused_as_a_replay() throws SQLException {
    Connection connection = connections.get(0);
    NonceStore.advance(connection, address, 7);

    assertThat(NonceStore.advance(connection, address, 7)).isFalse();
    assertThat(NonceStore.last(connection, address)).isEqualTo(7);
  }

  @Test
  void a_smaller_nonce_is_refused_and_leaves_the_last_one() throws SQLException {
    Connection connection = connections.get(0);
    NonceStore.advance(connection, address, 7);

    assertThat(NonceStore.advance(connection, address, 6)).isFalse();
    assertThat(NonceStore.last(connection, address)).isEqualTo(7);
  }

  @Test
  void a_greater_nonce_is_accepted_and_becomes_the_last_one() throws SQLException {
    Connection connection = connections.get(0);
    NonceStore.advance(connection, address, 7);

    assertThat(NonceStore.advance(connection, address, 1_000)).isTrue();
    assertThat(NonceStore.last(connection, address)).isEqualTo(1_000);
  }

  @Test
  void nonces_of_different_addresses_are_independent() throws SQLException {
    Connection connection = connections.get(0);
    NonceStore.advance(connection, address, 7);

    assertThat(NonceStore.advance(connection, random.address(), 7)).isTrue();
  }

  @Test
  void of_a_hundred_simultaneous_submissions_of_one_nonce_exactly_one_is_accepted()
      throws Exception {
    for (int race = 1; race <= RACES; race++) {
      long nonce = race;

      List<Boolean> outcomes = race(connection -> NonceStore.advance(connection, address, nonce));

      assertThat(outcomes).as("race %d", race).containsOnlyOnce(true);
      assertThat(NonceStore.last(connections.get(0), address)).isEqualTo(nonce);
    }
  }

  @Test
  void exactly_one_is_accepted_when_each_submission_runs_in_its_own_transaction() throws Exception {
    for (int race = 1; race <= RACES; race++) {
      long nonce = race;

      List<Boolean> outcomes =
          race(
              connection -> {
                connection.setAutoCommit(false);
                try {
                  boolean accepted = NonceStore.advance(connection, address, nonce);
                  connection.commit();
                  return accepted;
                } finally {
                  connection.setAutoCommit(true);
                }
              });

      assertThat(outcomes).as("race %d", race).containsOnlyOnce(true);
      assertThat(NonceStore.last(connections.get(0), address)).isEqualTo(nonce);
    }
  }

  private interface Submission {
    boolean submit(Connection connection) throws SQLException;
  }

  /** Every racer, on its own connection, submits at the same moment; returns what each got. */
  private static List<Boolean> race(Submission submission) throws Exception {
    CyclicBarrier start = new CyclicBarrier(RACERS);
    List<Future<Boolean>> results = new ArrayList<>();
    for (Connection connection : connections) {
      Callable<Boolean> racer =
          () -> {
            start.await();
            return submission.submit(connection);
          };
      results.add(threads.submit(racer));
    }
    List<Boolean> outcomes = new ArrayList<>();
    for (Future<Boolean> result : results) {
      outcomes.add(result.get());
    }
    return outcomes;
  }
}
