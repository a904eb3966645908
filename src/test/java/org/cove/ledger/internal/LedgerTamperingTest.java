package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.ledger.internal.LedgerTestSupport.append;
import static org.cove.ledger.internal.LedgerTestSupport.event;
import static org.cove.ledger.internal.LedgerTestSupport.json;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Verification;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.CanonicalJson;
import org.cove.shared.Hashes;
import org.cove.testing.RandomData;
import org.cove.testing.TestDatabase;
import org.cove.testing.TestProviderSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Someone with the database superuser's powers edits the ledger behind Cove's back, a thousand
 * times, each time on a fresh copy of the same signed chain: every change is detected and the first
 * broken entry is named exactly.
 */
class LedgerTamperingTest {

  private static final int LENGTH = 300;
  private static final int ROUNDS = 1_000;
  private static final List<String> FIELDS =
      List.of(
          "recorded_at", "actor", "kind", "subject", "parties", "payload", "previous_hash", "hash");
  private static final String CONTENT =
      "recorded_at, actor, kind, subject, parties, payload, previous_hash, hash";

  private static final RandomData random = RandomData.fromSeedProperty();
  private static final TestProviderSigner signer = TestProviderSigner.provider();
  private static TestDatabase database;
  private static Connection attacker;
  private static Connection verifier;
  private static List<LedgerEntry> pristine;

  /** What a tampering did and which entry verification must name for it. */
  private record Tampering(String kind, String what, long firstBroken) {}

  @BeforeAll
  static void signedChain() throws SQLException {
    database = TestDatabase.migrated();
    JdbcLedger ledger = LedgerTestSupport.jdbcLedger(database.dataSource(), signer);
    try (Connection writer = database.connect()) {
      for (int i = 1; i <= LENGTH; i++) {
        append(writer, randomEvent());
        if (i == LENGTH / 3 || i == LENGTH) {
          ledger.checkpoint();
        }
      }
      pristine = reversed(LedgerStore.query(writer, LedgerQuery.all(0, LENGTH)).items());
    }
    attacker = database.connect();
    try (Statement statement = attacker.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute("create table pristine as select * from ledger_entry");
    }
    verifier = database.connect();
    verifier.setAutoCommit(false);
  }

  @AfterAll
  static void disconnect() throws SQLException {
    attacker.close();
    verifier.close();
  }

  @Test
  void every_one_of_a_thousand_random_tamperings_is_detected_at_the_entry_it_broke()
      throws SQLException {
    Set<String> tried = new TreeSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      Tampering tampering = tamper();
      tried.add(tampering.kind());

      Verification result = verify();

      assertThat(result.ok()).as(describe(round, tampering)).isFalse();
      assertThat(result.firstBroken())
          .as(describe(round, tampering) + ": " + result.reason())
          .isEqualTo(tampering.firstBroken());
      restore();
    }
    assertThat(verify().ok()).as("the restored chain is intact").isTrue();
    assertThat(tried)
        .as("every kind of tampering was tried")
        .containsAll(FIELDS.stream().map(field -> "edit " + field).toList())
        .contains("make unreadable", "delete", "swap", "truncate");
  }

  @Test
  void the_untampered_chain_verifies_ok_against_its_signed_checkpoints() throws SQLException {
    assertThat(differencesFromPristine()).isZero();

    Verification result = LedgerTestSupport.jdbcLedger(database.dataSource(), signer).verify();

    assertThat(result)
        .isEqualTo(new Verification(true, LENGTH, pristine.get(LENGTH - 1).hash(), null, null));
  }

  private Tampering tamper() throws SQLException {
    return switch (random.nextInt(9)) {
      case 0, 1 -> editField();
      case 2 -> makeUnreadable();
      case 3, 4 -> deleteRow();
      case 5, 6 -> swapRows();
      default -> truncateTail();
    };
  }

  /** Values no append writes, which must not stop verification from naming the entry. */
  private Tampering makeUnreadable() throws SQLException {
    long sequence = randomSequence(LENGTH);
    String change =
        List.of(
                "recorded_at = 'infinity'",
                "recorded_at = '-infinity'",
                "actor = 'not an address'",
                "parties = array[null]::varchar[]",
                "parties = array[array[actor]]")
            .get(random.nextInt(5));
    execute("update ledger_entry set " + change + " where sequence = " + sequence);
    return new Tampering("make unreadable", "set " + change + " in " + sequence, sequence);
  }

  private Tampering editField() throws SQLException {
    long sequence = randomSequence(LENGTH);
    LedgerEntry entry = pristine.get((int) sequence - 1);
    String field = FIELDS.get(random.nextInt(FIELDS.size()));
    Object value =
        switch (field) {
          case "recorded_at" ->
              OffsetDateTime.ofInstant(
                  entry.time().plusNanos(1_000L * nonZero(86_400_000_000L)), ZoneOffset.UTC);
          case "actor" ->
              random.nextInt(4) == 0 ? entry.actor().value().toUpperCase() : other(entry.actor());
          case "kind" -> different(entry.kind(), 64);
          case "subject" -> different(entry.subject(), 200);
          case "parties" -> otherParties(entry.parties());
          case "payload" -> otherPayload(entry.payload());
          default -> otherHash(field.equals("hash") ? entry.hash() : entry.previousHash());
        };
    try (PreparedStatement update =
        attacker.prepareStatement("update ledger_entry set " + field + " = ? where sequence = ?")) {
      update.setObject(1, value);
      update.setLong(2, sequence);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    return new Tampering("edit " + field, "edit " + field + " of " + sequence, sequence);
  }

  private Tampering deleteRow() throws SQLException {
    long sequence = randomSequence(LENGTH - 1);
    execute("delete from ledger_entry where sequence = " + sequence);
    return new Tampering("delete", "delete " + sequence, sequence);
  }

  private Tampering swapRows() throws SQLException {
    long i = randomSequence(LENGTH);
    long j = randomSequence(LENGTH);
    while (j == i) {
      j = randomSequence(LENGTH);
    }
    long first = Math.min(i, j);
    long second = Math.max(i, j);
    copyContent(second, first);
    copyContent(first, second);
    return new Tampering("swap", "swap " + first + " and " + second, first);
  }

  private Tampering truncateTail() throws SQLException {
    int cut = random.between(1, LENGTH);
    long newSize = LENGTH - cut;
    execute("delete from ledger_entry where sequence > " + newSize);
    return new Tampering("truncate", "truncate the last " + cut, newSize + 1);
  }

  /** Gives row {@code to} the contents (all but the sequence) that row {@code from} had. */
  private void copyContent(long from, long to) throws SQLException {
    execute(
        "update ledger_entry set ("
            + CONTENT
            + ") = (select "
            + CONTENT
            + " from pristine where sequence = "
            + from
            + ") where sequence = "
            + to);
  }

  /**
   * Puts back exactly the rows that differ from the pristine chain, whatever the tampering did, and
   * checks that nothing differs any more, so that each round starts from a fresh copy.
   */
  private void restore() throws SQLException {
    execute(
        "delete from ledger_entry where sequence in (select sequence from"
            + " (select * from ledger_entry except select * from pristine) changed);"
            + " insert into ledger_entry select * from pristine"
            + " where sequence not in (select sequence from ledger_entry)");
    assertThat(differencesFromPristine()).as("the chain is restored").isZero();
  }

  private long differencesFromPristine() throws SQLException {
    try (Statement statement = attacker.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select (select count(*) from (select * from ledger_entry except select * from"
                    + " pristine) a) + (select count(*) from (select * from pristine except"
                    + " select * from ledger_entry) b)")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** As the server verifies: against the stored checkpoints, trusting the provider key only. */
  private Verification verify() throws SQLException {
    try {
      Predicate<Checkpoint> signedByProvider =
          c ->
              c.signer().equals(signer.address())
                  && signer.verify(
                      c.signedText().getBytes(StandardCharsets.UTF_8), c.signature(), c.signer());
      return LedgerStore.verify(verifier, CheckpointStore.checkpoints(verifier), signedByProvider);
    } finally {
      verifier.rollback();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = attacker.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String describe(int round, Tampering tampering) {
    return "round " + round + " (seed " + random.seed() + "): " + tampering.what();
  }

  private long randomSequence(int max) {
    return random.between(1, max);
  }

  private long nonZero(long bound) {
    long value = 0;
    while (value == 0) {
      value = random.random().nextLong(-bound, bound);
    }
    return value;
  }

  private String other(Address address) {
    String other = address.value();
    while (other.equals(address.value())) {
      other = random.address().value();
    }
    return other;
  }

  private String different(String text, int maxLength) {
    String other = text;
    while (other.equals(text) || other.length() > maxLength) {
      other = random.nextBoolean() ? text + random.storableText(3) : random.storableText(20);
    }
    return other;
  }

  private Array otherParties(List<Address> parties) throws SQLException {
    List<String> other = new ArrayList<>(parties.stream().map(Address::value).toList());
    while (other.equals(parties.stream().map(Address::value).toList())) {
      switch (random.nextInt(3)) {
        case 0 -> other.add(random.nextInt(other.size() + 1), random.address().value());
        case 1 -> {
          if (!other.isEmpty()) {
            other.remove(random.nextInt(other.size()));
          }
        }
        default -> Collections.shuffle(other, random.random());
      }
    }
    return attacker.createArrayOf("varchar", other.toArray(String[]::new));
  }

  private String otherPayload(String payload) {
    return switch (random.nextInt(3)) {
      case 0 -> payload + " ";
      case 1 -> payload.replaceFirst("\\{", "{ ");
      default -> {
        String other = payload;
        while (other.equals(payload)) {
          other = CanonicalJson.canonicalize(random.jsonObject(3));
        }
        yield other;
      }
    };
  }

  private String otherHash(String hash) {
    if (random.nextBoolean() && !hash.equals(hash.toUpperCase())) {
      return hash.toUpperCase();
    }
    String other = hash;
    while (other.equals(hash)) {
      other = Hashes.sha256Hex(random.text(10));
    }
    return other;
  }

  private static AuditEvent randomEvent() {
    return event(
        random.address(),
        random.storableText(20),
        random.storableText(40),
        random.addresses(3),
        json(random.jsonObject(3)));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
