package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.ledger.internal.LedgerTestSupport.append;
import static org.cove.ledger.internal.LedgerTestSupport.event;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cove.engine.internal.core.MutableClock;
import org.cove.ledger.Anchors;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Verification;
import org.cove.testing.RandomData;
import org.cove.testing.TestDatabase;
import org.cove.testing.TestProviderSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints made by the ledger itself, every N entries or M minutes, each anchored on the chain;
 * and the owner of the database, rewriting the chain with every hash recomputed, caught by a
 * checkpoint, and when the checkpoints are rewritten and signed again too, by the anchor.
 */
class AutomaticCheckpointsTest {

  private static final int EVERY = 10;
  private static final Duration RETRY = Duration.ofMinutes(1);

  private static TestDatabase database;
  private final RandomData random = RandomData.fromSeedProperty();
  private final TestProviderSigner signer = TestProviderSigner.provider();
  private final MutableClock clock = new MutableClock();
  private final FakeChain chain = FakeChain.of(signer.address());
  private JdbcLedger ledger;
  private Checkpointer checkpointer;
  private Connection connection;

  @BeforeAll
  static void migrated() {
    database = TestDatabase.migrated();
  }

  @BeforeEach
  void emptyLedger() throws SQLException {
    database.truncateAll();
    connection = database.connect();
    ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer, chain, clock);
    Anchorer anchorer = new Anchorer(chain, clock);
    anchorer.dataSource = database.dataSource();
    checkpointer = new Checkpointer(ledger, anchorer, clock, EVERY, 60, RETRY.toSeconds());
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void a_checkpoint_is_made_once_the_configured_number_of_entries_is_not_covered()
      throws SQLException {
    appendRandom(EVERY - 1);
    checkpointer.pass();
    assertThat(ledger.checkpoints()).isEmpty();

    appendRandom(1);
    checkpointer.pass();
    checkpointer.pass();

    assertThat(ledger.checkpoints()).extracting(Checkpoint::size).containsExactly((long) EVERY);
  }

  @Test
  void a_checkpoint_is_made_once_the_oldest_entry_not_covered_waited_the_configured_minutes()
      throws SQLException {
    appendRandom(3);
    clock.advance(Duration.ofMinutes(59));
    checkpointer.pass();
    assertThat(ledger.checkpoints()).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    checkpointer.pass();

    assertThat(ledger.checkpoints()).extracting(Checkpoint::size).containsExactly(3L);
    clock.advance(Duration.ofDays(1));
    checkpointer.pass();
    assertThat(ledger.checkpoints()).as("nothing new: none is due").hasSize(1);
  }

  @Test
  void every_checkpoint_made_is_anchored_once_and_verification_reports_the_anchor()
      throws SQLException {
    appendRandom(EVERY);
    checkpointer.pass();
    checkpointer.pass();
    appendRandom(EVERY);
    checkpointer.pass();

    Verification verification = ledger.verify();

    assertThat(chain.sent()).isEqualTo(2);
    assertThat(verification.ok()).as(verification.reason()).isTrue();
    Anchors anchors = verification.anchors();
    assertThat(anchors.stored()).isEqualTo(2);
    assertThat(anchors.checked()).as("the newest vouches for the older one").isEqualTo(1);
    assertThat(anchors.latest())
        .hasValueSatisfying(a -> assertThat(a.size()).isEqualTo(2L * EVERY));
    assertThat(anchors.latest().get().head()).isEqualTo(verification.head());
    assertThat(anchors.mismatches()).isEmpty();
    assertThat(anchors.unchecked()).isEmpty();
  }

  @Test
  void a_rewritten_and_rehashed_chain_fails_verification_once_a_checkpoint_covers_it()
      throws SQLException {
    FakeChain none = FakeChain.notConfigured();
    JdbcLedger withoutChain =
        LedgerTestSupport.jdbcLedger(database.dataSource(), signer, none, clock);
    appendRandom(EVERY);
    rewriteConsistently(4);
    assertThat(withoutChain.verify().ok())
        .as("without a checkpoint, a consistently rehashed chain verifies")
        .isTrue();
    database.truncateAll();

    appendRandom(EVERY);
    checkpointer.pass();
    rewriteConsistently(4);

    Verification verification = withoutChain.verify();
    assertThat(verification.ok()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(1);
    assertThat(verification.reason()).contains("differs from its signed checkpoint");
  }

  @Test
  void a_rewrite_with_every_checkpoint_signed_again_is_caught_by_the_anchor() throws SQLException {
    appendRandom(EVERY);
    checkpointer.pass();
    String anchored = ledger.verify().anchors().latest().orElseThrow().transaction();

    rewriteConsistently(4);
    resignCheckpoints();

    Verification verification = ledger.verify();
    assertThat(verification.ok()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(1);
    assertThat(verification.reason())
        .isEqualTo(
            "the chain up to entry "
                + EVERY
                + " differs from its anchor in transaction "
                + anchored);
  }

  @Test
  void anchors_removed_from_the_database_are_noticed_from_the_accounts_transaction_count()
      throws SQLException {
    appendRandom(EVERY);
    checkpointer.pass();
    asOwner("delete from ledger_anchor");

    Verification verification = ledger.verify();

    assertThat(verification.ok()).isFalse();
    assertThat(verification.anchors().stored()).isZero();
    assertThat(verification.anchors().mismatches())
        .singleElement()
        .asString()
        .contains("1 transactions on the chain but the ledger holds 0 anchors");
    assertThat(verification.reason()).contains("anchors were removed");
  }

  @Test
  void an_unreachable_node_delays_the_anchor_but_not_the_checkpoint_and_verification_says_why()
      throws SQLException {
    chain.reachable(false);
    appendRandom(EVERY);
    checkpointer.pass();

    assertThat(ledger.checkpoints()).hasSize(1);
    Verification verification = ledger.verify();
    assertThat(verification.ok()).isTrue();
    assertThat(verification.anchors().unchecked()).hasValue("the chain node did not answer");

    chain.reachable(true);
    clock.advance(RETRY);
    checkpointer.pass();
    assertThat(chain.sent()).isEqualTo(1);
  }

  @Test
  void an_anchor_not_mined_in_time_is_sent_again_and_a_confirmed_one_never() throws SQLException {
    appendRandom(EVERY);
    Anchorer anchorer = new Anchorer(chain, clock);
    anchorer.dataSource = database.dataSource();
    ledger.checkpointIfDue(CheckpointPolicy.of(EVERY, 60));
    anchorer.prepareNewest().orElseThrow(); // stored, never sent

    clock.advance(Anchorer.RESEND_AFTER.minusSeconds(1));
    assertThat(anchorer.prepareNewest()).as("still waiting for it").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    anchorer.prepareNewest().ifPresent(anchorer::send);
    clock.advance(Anchorer.RESEND_AFTER);

    assertThat(anchorer.prepareNewest()).isEmpty();
    assertThat(chain.sent()).isEqualTo(1);
    Anchors anchors = ledger.verify().anchors();
    assertThat(anchors.stored()).isEqualTo(2);
    assertThat(anchors.latest()).isPresent();
  }

  private void appendRandom(int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      append(
          connection,
          event(random.address(), "k" + random.nextInt(9), random.storableText(20), List.of()));
    }
  }

  /**
   * What the database's owner can do: change one entry and recompute its hash and every later
   * one's, so that the chain alone is consistent again.
   */
  private void rewriteConsistently(long sequence) throws SQLException {
    List<LedgerEntry> entries =
        new ArrayList<>(LedgerStore.query(connection, LedgerQuery.all(0, 500)).items());
    Collections.reverse(entries);
    String previous = sequence == 1 ? EntryHasher.GENESIS : entries.get((int) sequence - 2).hash();
    try (Statement replica = connection.createStatement()) {
      replica.execute("set session_replication_role = replica");
    }
    for (LedgerEntry e : entries.subList((int) sequence - 1, entries.size())) {
      String kind = e.sequence() == sequence ? "rewritten" : e.kind();
      String hash =
          EntryHasher.hash(
              previous,
              EntryHasher.canonicalEntry(
                  e.sequence(), e.time(), e.actor(), kind, e.subject(), e.parties(), e.payload()));
      try (PreparedStatement update =
          connection.prepareStatement(
              "update ledger_entry set kind = ?, previous_hash = ?, hash = ? where sequence = ?")) {
        update.setString(1, kind);
        update.setString(2, previous);
        update.setString(3, hash);
        update.setLong(4, e.sequence());
        update.executeUpdate();
      }
      previous = hash;
    }
    try (Statement origin = connection.createStatement()) {
      origin.execute("set session_replication_role = origin");
    }
  }

  /** An owner who also holds the provider key signs the rewritten heads as new checkpoints. */
  private void resignCheckpoints() throws SQLException {
    asOwner("delete from ledger_checkpoint");
    ledger.checkpoint();
    assertThat(ledger.checkpoints())
        .allSatisfy(
            c ->
                assertThat(
                        signer.verify(
                            c.signedText().getBytes(StandardCharsets.UTF_8),
                            c.signature(),
                            signer.address()))
                    .isTrue());
  }

  private void asOwner(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute(sql);
      statement.execute("set session_replication_role = origin");
    }
  }
}
