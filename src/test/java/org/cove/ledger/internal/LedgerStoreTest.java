package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cove.ledger.internal.LedgerTestSupport.append;
import static org.cove.ledger.internal.LedgerTestSupport.event;
import static org.cove.ledger.internal.LedgerTestSupport.json;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerException;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Times;
import org.cove.ledger.Verification;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail.Keyed;
import org.cove.shared.CanonicalJson;
import org.cove.shared.Page;
import org.cove.testing.RandomData;
import org.cove.testing.TestDatabase;
import org.cove.testing.TestProviderSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

class LedgerStoreTest {

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final RandomData random = RandomData.fromSeedProperty();
  private final TestProviderSigner signer = TestProviderSigner.provider();
  private static TestDatabase database;
  private Connection connection;

  @BeforeAll
  static void migrated() {
    database = TestDatabase.migrated();
  }

  @BeforeEach
  void emptyLedger() throws SQLException {
    database.truncateAll();
    connection = database.connect();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void appended_entries_verify_ok() throws SQLException {
    List<LedgerEntry> appended = appendRandom(25);

    Verification result = verify(List.of());

    assertThat(result).isEqualTo(new Verification(true, 25, appended.get(24).hash(), null, null));
  }

  @Test
  void an_event_with_a_key_is_appended_once_however_often_it_is_recorded() throws Exception {
    AuditEvent event = randomEvent();
    int observers = 8;
    CyclicBarrier start = new CyclicBarrier(observers);
    ExecutorService threads = Executors.newFixedThreadPool(observers);
    List<Future<Boolean>> appended = new ArrayList<>();
    try {
      for (int i = 0; i < observers; i++) {
        appended.add(
            threads.submit(
                () -> {
                  try (Connection own = database.connect()) {
                    own.setAutoCommit(false);
                    start.await();
                    boolean added =
                        LedgerTestSupport.appendOnce(own, "job:1:status:40", event, Instant.now())
                            .isPresent();
                    own.commit();
                    return added;
                  }
                }));
      }
      long added = 0;
      for (Future<Boolean> result : appended) {
        added += result.get() ? 1 : 0;
      }

      assertThat(added).isEqualTo(1);
      assertThat(verify(List.of()))
          .extracting(Verification::ok, Verification::size)
          .containsExactly(true, 1L);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void different_keys_and_unkeyed_events_are_all_appended() throws SQLException {
    connection.setAutoCommit(false);
    assertThat(LedgerTestSupport.appendOnce(connection, "a", randomEvent(), Instant.now()))
        .isPresent();
    assertThat(LedgerTestSupport.appendOnce(connection, "b", randomEvent(), Instant.now()))
        .isPresent();
    LedgerStore.append(connection, randomEvent(), Instant.now());
    LedgerStore.append(connection, randomEvent(), Instant.now());
    assertThat(LedgerTestSupport.appendOnce(connection, "a", randomEvent(), Instant.now()))
        .isEmpty();
    connection.commit();
    connection.setAutoCommit(true);

    assertThat(verify(List.of()).size()).isEqualTo(4);
  }

  @Test
  void a_batch_appends_its_new_keys_in_order_in_one_chain_and_skips_the_recorded_ones()
      throws SQLException {
    connection.setAutoCommit(false);
    LedgerTestSupport.appendOnce(connection, "job:1:status:1", randomEvent(), Instant.now());
    List<Keyed> batch =
        List.of(
            new Keyed("job:1:status:1", randomEvent()),
            new Keyed("job:1:status:20", randomEvent()),
            new Keyed("job:2:status:1", randomEvent()),
            new Keyed("job:1:status:20", randomEvent()),
            new Keyed("job:1:status:70", randomEvent()));

    Map<String, LedgerEntry> appended = LedgerStore.appendAllOnce(connection, batch, Instant.now());
    Map<String, LedgerEntry> again = LedgerStore.appendAllOnce(connection, batch, Instant.now());
    connection.commit();
    connection.setAutoCommit(true);

    assertThat(appended.keySet())
        .containsExactly("job:1:status:20", "job:2:status:1", "job:1:status:70");
    assertThat(appended.values()).extracting(LedgerEntry::sequence).containsExactly(2L, 3L, 4L);
    assertThat(appended.get("job:1:status:20").payload())
        .isEqualTo(CanonicalJson.canonicalize(batch.get(1).event().payload().toString()));
    assertThat(again).isEmpty();
    assertThat(verify(List.of()))
        .extracting(Verification::ok, Verification::size)
        .containsExactly(true, 4L);
  }

  @Test
  void concurrent_appends_from_many_connections_form_one_unbroken_chain() throws Exception {
    int writers = 8;
    int each = 25;
    List<List<AuditEvent>> events = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      List<AuditEvent> mine = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        mine.add(randomEvent());
      }
      events.add(mine);
    }
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    List<Future<List<LedgerEntry>>> results = new ArrayList<>();
    try {
      for (List<AuditEvent> mine : events) {
        results.add(
            threads.submit(
                () -> {
                  try (Connection own = database.connect()) {
                    start.await();
                    List<LedgerEntry> appended = new ArrayList<>();
                    for (AuditEvent event : mine) {
                      appended.add(append(own, event));
                    }
                    return appended;
                  }
                }));
      }
      List<Long> sequences = new ArrayList<>();
      for (Future<List<LedgerEntry>> result : results) {
        result.get().forEach(entry -> sequences.add(entry.sequence()));
      }

      assertThat(sequences).hasSize(writers * each).doesNotHaveDuplicates();
      assertThat(verify(List.of()))
          .extracting(Verification::ok, Verification::size)
          .containsExactly(true, (long) writers * each);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void entries_are_numbered_from_one_and_each_follows_the_one_before() throws SQLException {
    List<LedgerEntry> appended = appendRandom(10);

    assertThat(appended)
        .extracting(LedgerEntry::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(appended.get(0).previousHash()).isEqualTo(EntryHasher.GENESIS);
    for (int i = 1; i < appended.size(); i++) {
      assertThat(appended.get(i).previousHash()).isEqualTo(appended.get(i - 1).hash());
    }
    assertThat(LedgerStore.head(connection))
        .isEqualTo(new LedgerStore.Head(10, appended.get(9).hash()));
  }

  @Test
  void an_empty_ledger_has_the_genesis_head_and_verifies_ok() throws SQLException {
    assertThat(LedgerStore.head(connection))
        .isEqualTo(new LedgerStore.Head(0, EntryHasher.GENESIS));
    assertThat(verify(List.of()).ok()).isTrue();
  }

  @Test
  void entries_read_back_exactly_as_they_were_appended() throws SQLException {
    List<LedgerEntry> appended = appendRandom(12);

    List<LedgerEntry> read = LedgerStore.query(connection, LedgerQuery.all(0, 100)).items();

    assertThat(read).containsExactlyElementsOf(reversed(appended));
  }

  @Test
  void the_payload_is_stored_canonically_parties_sorted_and_time_to_the_microsecond()
      throws SQLException {
    Address low = new Address("0x" + "1".repeat(40));
    Address high = new Address("0x" + "f".repeat(40));
    Instant now = Instant.parse("2026-03-04T05:06:07.123456789Z");
    connection.setAutoCommit(false);

    LedgerEntry entry =
        LedgerStore.append(
            connection,
            event(
                high,
                "k",
                "s",
                List.of(high, low),
                json("{\"b\": 1.50, \"a\": [1E3, \"\\u00e9\"]}")),
            now);
    connection.commit();

    assertThat(entry.payload()).isEqualTo("{\"a\":[1000,\"é\"],\"b\":1.5}");
    assertThat(entry.parties()).containsExactly(low, high);
    assertThat(entry.time()).isEqualTo(Times.truncate(now)).isEqualTo(now.minusNanos(789));
    assertThat(LedgerStore.query(connection, LedgerQuery.all(0, 1)).items()).containsExactly(entry);
  }

  @Test
  void queries_filter_by_kind_actor_and_subject() throws SQLException {
    Address alice = random.address();
    Address bob = random.address();
    append(connection, event(alice, "signed-in", "did:op:1", List.of()));
    append(connection, event(bob, "signed-in", "did:op:2", List.of()));
    append(connection, event(alice, "job-submitted", "did:op:2", List.of()));

    assertThat(sequences(query("signed-in", null, null, null))).containsExactly(2L, 1L);
    assertThat(sequences(query(null, alice, null, null))).containsExactly(3L, 1L);
    assertThat(sequences(query(null, null, "did:op:2", null))).containsExactly(3L, 2L);
    assertThat(sequences(query("signed-in", alice, null, null))).containsExactly(1L);
    assertThat(sequences(query("job-submitted", bob, null, null))).isEmpty();
  }

  @Test
  void an_account_sees_what_it_did_what_is_about_it_and_what_names_it_a_party()
      throws SQLException {
    Address owner = random.address();
    Address consumer = random.address();
    Address viewer = random.address();
    Address stranger = random.address();
    append(connection, event(consumer, "job-submitted", "did:op:1", List.of(owner)));
    append(connection, event(owner, "permission-granted", consumer.value(), List.of()));
    append(connection, event(consumer, "result-shared", "job-1", List.of(owner, viewer)));
    append(connection, event(stranger, "signed-in", stranger.value(), List.of()));

    assertThat(sequences(visibleTo(owner))).containsExactly(3L, 2L, 1L);
    assertThat(sequences(visibleTo(consumer))).containsExactly(3L, 2L, 1L);
    assertThat(sequences(visibleTo(viewer))).containsExactly(3L);
    assertThat(sequences(visibleTo(stranger))).containsExactly(4L);
    assertThat(sequences(visibleTo(random.address()))).isEmpty();
  }

  @Test
  void visibility_narrows_the_other_filters_rather_than_widening_them() throws SQLException {
    Address owner = random.address();
    Address consumer = random.address();
    append(connection, event(consumer, "job-submitted", "did:op:1", List.of(owner)));
    append(connection, event(owner, "signed-in", owner.value(), List.of()));

    assertThat(sequences(query("signed-in", null, null, consumer))).isEmpty();
    assertThat(sequences(query(null, consumer, null, owner))).containsExactly(1L);
  }

  @Test
  void pages_run_newest_first_and_carry_the_total() throws SQLException {
    Address actor = random.address();
    for (int i = 0; i < 7; i++) {
      append(connection, event(actor, "k", "s", List.of()));
      append(connection, event(random.address(), "k", "s", List.of()));
    }

    Page<LedgerEntry> first = query(null, actor, null, null, 0, 3);
    Page<LedgerEntry> last = query(null, actor, null, null, 2, 3);
    Page<LedgerEntry> beyond = query(null, actor, null, null, 3, 3);

    assertThat(sequences(first)).containsExactly(13L, 11L, 9L);
    assertThat(sequences(last)).containsExactly(1L);
    assertThat(beyond.items()).isEmpty();
    assertThat(List.of(first.total(), last.total(), beyond.total())).containsOnly(7L);
    assertThat(LedgerStore.query(connection, LedgerQuery.all(1, 10)).total()).isEqualTo(14);
    assertThat(sequences(LedgerStore.query(connection, LedgerQuery.all(1, 10))))
        .containsExactly(4L, 3L, 2L, 1L);
  }

  @Test
  void entries_cannot_be_updated_deleted_or_truncated_even_by_the_owner() throws SQLException {
    appendRandom(3);

    for (String change :
        List.of(
            "update ledger_entry set kind = 'forged' where sequence = 2",
            "update ledger_entry set kind = kind",
            "delete from ledger_entry where sequence = 3",
            "delete from ledger_entry",
            "truncate ledger_entry",
            "truncate ledger_entry, ledger_checkpoint")) {
      assertRefusedByTrigger(change, "ledger_entry");
    }
    assertThat(verify(List.of()))
        .extracting(Verification::ok, Verification::size)
        .containsExactly(true, 3L);
  }

  @Test
  void checkpoints_cannot_be_updated_deleted_or_truncated_even_by_the_owner() throws SQLException {
    appendRandom(3);
    JdbcLedger ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer);
    ledger.checkpoint();

    for (String change :
        List.of(
            "update ledger_checkpoint set head = 'forged'",
            "delete from ledger_checkpoint",
            "truncate ledger_checkpoint")) {
      assertRefusedByTrigger(change, "ledger_checkpoint");
    }
    assertThat(ledger.checkpoints()).hasSize(1);
  }

  @Test
  void a_signed_checkpoint_is_stored_and_the_chain_verifies_against_it() throws SQLException {
    List<LedgerEntry> appended = appendRandom(5);
    JdbcLedger ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer);

    Checkpoint checkpoint = ledger.checkpoint();

    assertThat(checkpoint.size()).isEqualTo(5);
    assertThat(checkpoint.head()).isEqualTo(appended.get(4).hash());
    assertThat(checkpoint.signer()).isEqualTo(signer.address());
    assertThat(ledger.checkpoints()).containsExactly(checkpoint);
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void a_checkpoint_commits_synchronously_even_where_the_server_does_not() throws SQLException {
    appendRandom(2);
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("set synchronous_commit = off");
      CheckpointStore.insertCheckpoint(connection, unsignedCheckpointOfHead());

      try (ResultSet setting = statement.executeQuery("show synchronous_commit")) {
        setting.next();
        assertThat(setting.getString(1)).isEqualTo("on");
      }
    }
    connection.commit();
  }

  private Checkpoint unsignedCheckpointOfHead() throws SQLException {
    LedgerStore.Head head = LedgerStore.head(connection);
    return new Checkpoint(
        head.size(), head.hash(), Times.truncate(Instant.now()), signer.address(), "");
  }

  @Test
  void checkpointing_an_unchanged_head_again_returns_the_stored_checkpoint() throws SQLException {
    appendRandom(3);
    JdbcLedger ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer);
    Checkpoint first = ledger.checkpoint();

    Checkpoint again = ledger.checkpoint();

    assertThat(again).isEqualTo(first);
    assertThat(ledger.checkpoints()).containsExactly(first);
  }

  @Test
  void an_empty_ledger_has_nothing_to_checkpoint() {
    JdbcLedger ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer);

    assertThatThrownBy(ledger::checkpoint).isInstanceOf(LedgerException.class);
  }

  @Test
  void a_checkpoint_signed_by_another_key_is_reported() throws SQLException {
    appendRandom(2);
    TestProviderSigner forger = new TestProviderSigner(random.address(), "not the provider's key");
    LedgerTestSupport.jdbcLedger(database.dataSource(), forger).checkpoint();

    Verification result = LedgerTestSupport.jdbcLedger(database.dataSource(), signer).verify();

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).isNull();
    assertThat(result.reason()).isEqualTo("the checkpoint at size 2 has an invalid signature");
  }

  @Test
  void entries_whose_fields_no_longer_read_as_a_ledger_entry_are_reported_as_altered()
      throws SQLException {
    appendRandom(5);
    String address = random.address().value();

    for (String change :
        List.of(
            "recorded_at = 'infinity'",
            "recorded_at = '-infinity'",
            "recorded_at = '4713-01-01 00:00:00+00 BC'",
            "actor = 'not an address'",
            "actor = upper(actor)",
            "parties = array[null]::varchar[]",
            "parties = array['" + address + "', 'nobody']",
            "parties = array[array['" + address + "']]")) {
      asSuperuserBypassingTriggers("update ledger_entry set " + change + " where sequence = 3");

      Verification result = verify(List.of());

      assertThat(result.firstBroken()).as(change).isEqualTo(3);
      assertThat(result.reason()).as(change).isEqualTo("entry 3 was altered");
      asSuperuserBypassingTriggers("delete from ledger_entry where sequence >= 3");
      appendRandom(3);
    }
  }

  @Test
  void a_checkpoint_altered_in_the_database_is_reported_and_not_relied_on() throws SQLException {
    appendRandom(4);
    JdbcLedger ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer);
    ledger.checkpoint();
    appendRandom(2);

    for (String change :
        List.of(
            "size = 9",
            "head = '" + "ab".repeat(32) + "'",
            "created_at = created_at + interval '1 microsecond'",
            "created_at = 'infinity'",
            "created_at = '-infinity'",
            "signature = '0x" + "cd".repeat(32) + "'",
            "signer = '" + random.address().value() + "'",
            "signer = 'not an address'")) {
      asSuperuserBypassingTriggers("update ledger_checkpoint set " + change);

      Verification result = ledger.verify();

      assertThat(result.ok()).as(change).isFalse();
      assertThat(result.firstBroken()).as(change).isNull();
      assertThat(result.size()).as(change).isEqualTo(6);
      assertThat(result.reason()).as(change).endsWith("has an invalid signature");
      asSuperuserBypassingTriggers("delete from ledger_checkpoint");
      ledger.checkpoint();
    }
  }

  @Nested
  @TestInstance(Lifecycle.PER_CLASS)
  class WithASeparateApplicationRole {

    private static final String PASSWORD = "app-secret";
    private String role;
    private TestDatabase owned;
    private Connection app;

    @BeforeAll
    void migrateAsOwnerForTheApplicationRole() {
      owned = TestDatabase.empty();
      role = owned.name() + "_app";
      TestDatabase.createRole(role, PASSWORD);
      owned.migrate(role);
    }

    @BeforeEach
    void connectAsTheApplication() throws SQLException {
      owned.truncateAll();
      app = owned.connectAs(role, PASSWORD);
    }

    @AfterEach
    void disconnect() throws SQLException {
      app.close();
    }

    @Test
    void the_application_may_append_read_verify_and_checkpoint() throws SQLException {
      List<LedgerEntry> appended = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        appended.add(append(app, randomEvent()));
      }
      Checkpoint checkpoint = signed(3, appended.get(2).hash());
      CheckpointStore.insertCheckpoint(app, checkpoint);

      assertThat(LedgerStore.query(app, LedgerQuery.all(0, 10)).items())
          .containsExactlyElementsOf(reversed(appended));
      assertThat(CheckpointStore.checkpoints(app)).containsExactly(checkpoint);
      assertThat(LedgerStore.verify(app, CheckpointStore.checkpoints(app), c -> true).ok())
          .isTrue();
    }

    @Test
    void the_application_may_change_tables_other_than_the_ledger() throws SQLException {
      try (Statement statement = app.createStatement()) {
        statement.execute(
            "insert into identity_nonce (address, nonce, updated_at) values ('a', 1, now())");
        assertThat(statement.executeUpdate("update identity_nonce set nonce = 2")).isEqualTo(1);
        assertThat(statement.executeUpdate("delete from identity_nonce")).isEqualTo(1);
      }
    }

    @Test
    void the_application_lacks_the_privilege_to_change_or_remove_ledger_rows() throws SQLException {
      append(app, randomEvent());
      CheckpointStore.insertCheckpoint(app, signed(1, "ab".repeat(32)));

      assertPermissionDenied();
    }

    @Test
    void the_privileges_hold_even_with_the_triggers_disabled_by_the_owner() throws SQLException {
      append(app, randomEvent());
      CheckpointStore.insertCheckpoint(app, signed(1, "ab".repeat(32)));
      switchTriggers("disable");
      try {
        assertPermissionDenied();
      } finally {
        switchTriggers("enable");
      }
    }

    private void switchTriggers(String how) throws SQLException {
      try (Connection owner = owned.connect();
          Statement statement = owner.createStatement()) {
        statement.execute("alter table ledger_entry " + how + " trigger user");
        statement.execute("alter table ledger_checkpoint " + how + " trigger user");
      }
    }

    @Test
    void the_application_cannot_switch_the_triggers_off() {
      assertSqlState(
          "alter table ledger_entry disable trigger ledger_entry_append_only",
          "must be owner of table ledger_entry");
      assertSqlState(
          "alter table ledger_checkpoint disable trigger all",
          "must be owner of table ledger_checkpoint");
      assertSqlState(
          "set session_replication_role = replica",
          "permission denied to set parameter \"session_replication_role\"");
    }

    private void assertPermissionDenied() {
      for (String table : List.of("ledger_entry", "ledger_checkpoint")) {
        for (String change :
            List.of(
                "update "
                    + table
                    + " set "
                    + ("ledger_entry".equals(table) ? "kind" : "head")
                    + " = 'forged'",
                "delete from " + table,
                "truncate " + table)) {
          assertSqlState(change, "permission denied for table " + table);
        }
      }
    }

    private void assertSqlState(String sql, String message) {
      assertThatThrownBy(
              () -> {
                try (Statement statement = app.createStatement()) {
                  statement.execute(sql);
                }
              })
          .as(sql)
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE))
          .hasMessageContaining(message);
    }

    private Checkpoint signed(long size, String head) {
      Checkpoint unsigned =
          new Checkpoint(size, head, Times.truncate(Instant.now()), signer.address(), "");
      return new Checkpoint(
          size,
          head,
          unsigned.time(),
          signer.address(),
          signer.sign(unsigned.signedText().getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** What an administrator with the database's superuser could do behind Cove's back. */
  private void asSuperuserBypassingTriggers(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute(sql);
      statement.execute("set session_replication_role = origin");
    }
  }

  private void assertRefusedByTrigger(String sql, String table) {
    assertThatThrownBy(
            () -> {
              try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
              }
            })
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE))
        .hasMessageContaining("the audit ledger is append-only")
        .hasMessageContaining("on " + table + " refused");
  }

  private List<LedgerEntry> appendRandom(int count) throws SQLException {
    List<LedgerEntry> appended = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      appended.add(append(connection, randomEvent()));
    }
    return appended;
  }

  private AuditEvent randomEvent() {
    return event(
        random.address(),
        random.storableText(20),
        random.storableText(40),
        random.addresses(3),
        json(random.jsonObject(3)));
  }

  private Verification verify(List<Checkpoint> checkpoints) throws SQLException {
    connection.setAutoCommit(false);
    try {
      return LedgerStore.verify(connection, checkpoints, c -> true);
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private Page<LedgerEntry> visibleTo(Address account) throws SQLException {
    return query(null, null, null, account);
  }

  private Page<LedgerEntry> query(String kind, Address actor, String subject, Address visibleTo)
      throws SQLException {
    return query(kind, actor, subject, visibleTo, 0, 100);
  }

  private Page<LedgerEntry> query(
      String kind, Address actor, String subject, Address visibleTo, int page, int size)
      throws SQLException {
    return LedgerStore.query(
        connection,
        new LedgerQuery(
            Optional.ofNullable(kind),
            Optional.ofNullable(actor),
            Optional.ofNullable(subject),
            Optional.ofNullable(visibleTo),
            page,
            size));
  }

  private static List<Long> sequences(Page<LedgerEntry> page) {
    return page.items().stream().map(LedgerEntry::sequence).toList();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
