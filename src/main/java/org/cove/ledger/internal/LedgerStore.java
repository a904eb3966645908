package org.cove.ledger.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Times;
import org.cove.ledger.Verification;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail.Keyed;
import org.cove.shared.CanonicalJson;
import org.cove.shared.CoveException;
import org.cove.shared.InvalidInputException;
import org.cove.shared.Page;
import org.cove.shared.ProblemType;

/**
 * The ledger's SQL for its entries, on a connection whose transaction the caller owns (the
 * checkpoints' is {@link CheckpointStore}). Appends take a transaction-scoped advisory lock, so
 * they are serialised and each sees the head left by the one before. Writing and reading entries
 * stay in one class, past the usual size, because both must agree on every column ({@code COLUMNS})
 * and on how each value is stored.
 */
final class LedgerStore {

  /** Arbitrary, fixed: the advisory lock that serialises appends. */
  private static final long APPEND_LOCK = 0x436f76654c6564L;

  private static final String COLUMNS =
      "sequence, recorded_at, actor, kind, subject, parties, payload, previous_hash, hash";

  private static final String INSERT =
      "insert into ledger_entry (" + COLUMNS + ", event_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private LedgerStore() {}

  static LedgerEntry append(Connection connection, AuditEvent event, Instant now)
      throws SQLException {
    lock(connection);
    LedgerEntry entry = chained(head(connection), event, now);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(connection, insert, entry, null);
      insert.executeUpdate();
    }
    return entry;
  }

  /**
   * Appends, in order, each event whose key is not recorded yet (the first of two with one key),
   * and returns what it appended by key. Keys already there are found without waiting for the lock;
   * under the lock, one query reads both which keys exist (again: they may have been added
   * meanwhile) and the head, and the inserts go in one batch, so the lock is held for as few round
   * trips as possible: every append in the system waits for it.
   */
  static Map<String, LedgerEntry> appendAllOnce(
      Connection connection, List<Keyed> events, Instant now) throws SQLException {
    List<Keyed> missing = withoutKeys(events, recordedKeys(connection, events));
    if (missing.isEmpty()) {
      return Map.of();
    }
    lock(connection);
    Head head;
    Set<String> recorded;
    try (PreparedStatement select =
        connection.prepareStatement(
            "select (select sequence from ledger_entry order by sequence desc limit 1),"
                + " (select hash from ledger_entry order by sequence desc limit 1),"
                + " array(select event_key from ledger_entry where event_key = any(?))")) {
      select.setArray(1, keyArray(connection, missing));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        head =
            rows.getString(2) == null
                ? new Head(0, EntryHasher.GENESIS)
                : new Head(rows.getLong(1), rows.getString(2));
        recorded = stringSet(rows.getArray(3));
      }
    }
    Map<String, LedgerEntry> appended = new LinkedHashMap<>();
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Keyed keyed : withoutKeys(missing, recorded)) {
        LedgerEntry entry = chained(head, keyed.event(), now);
        bind(connection, insert, entry, keyed.key());
        insert.addBatch();
        appended.put(keyed.key(), entry);
        head = new Head(entry.sequence(), entry.hash());
      }
      insert.executeBatch();
    }
    return appended;
  }

  /** The entry that follows {@code head}, which the caller read while holding the lock. */
  private static LedgerEntry chained(Head head, AuditEvent event, Instant now) {
    long sequence = head.size() + 1;
    Instant time = Times.truncate(now);
    List<Address> parties =
        event.parties().stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
    String payload = CanonicalJson.canonicalize(event.payload().toString());
    String canonical =
        EntryHasher.canonicalEntry(
            sequence, time, event.actor(), event.kind(), event.subject(), parties, payload);
    return new LedgerEntry(
        sequence,
        time,
        event.actor(),
        event.kind(),
        event.subject(),
        parties,
        payload,
        head.hash(),
        EntryHasher.hash(head.hash(), canonical));
  }

  /** The events in order, without those whose key is in {@code skipped} or came earlier. */
  private static List<Keyed> withoutKeys(List<Keyed> events, Set<String> skipped) {
    Set<String> seen = new HashSet<>(skipped);
    return events.stream().filter(keyed -> seen.add(keyed.key())).toList();
  }

  private static Set<String> recordedKeys(Connection connection, List<Keyed> events)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select event_key from ledger_entry where event_key = any(?)")) {
      select.setArray(1, keyArray(connection, events));
      Set<String> keys = new HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
      return keys;
    }
  }

  private static Array keyArray(Connection connection, List<Keyed> events) throws SQLException {
    return connection.createArrayOf(
        "varchar", events.stream().map(Keyed::key).toArray(String[]::new));
  }

  private static Set<String> stringSet(Array array) throws SQLException {
    return new HashSet<>(Arrays.asList((String[]) array.getArray()));
  }

  static void lock(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      statement.setLong(1, APPEND_LOCK);
      statement.execute();
    }
  }

  record Head(long size, String hash) {}

  static Head head(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select sequence, hash from ledger_entry order by sequence desc limit 1")) {
      return rows.next()
          ? new Head(rows.getLong(1), rows.getString(2))
          : new Head(0, EntryHasher.GENESIS);
    }
  }

  private static void bind(
      Connection connection, PreparedStatement insert, LedgerEntry entry, String key)
      throws SQLException {
    insert.setLong(1, entry.sequence());
    insert.setObject(2, OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC));
    insert.setString(3, entry.actor().value());
    insert.setString(4, entry.kind());
    insert.setString(5, entry.subject());
    insert.setArray(6, addressArray(connection, entry.parties()));
    insert.setString(7, entry.payload());
    insert.setString(8, entry.previousHash());
    insert.setString(9, entry.hash());
    insert.setString(10, key);
  }

  static Page<LedgerEntry> query(Connection connection, LedgerQuery query) throws SQLException {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> parameters = new ArrayList<>();
    query.kind().ifPresent(k -> add(where, parameters, " and kind = ?", k));
    query.actor().ifPresent(a -> add(where, parameters, " and actor = ?", a.value()));
    query.subject().ifPresent(s -> add(where, parameters, " and subject = ?", s));
    query
        .visibleTo()
        .ifPresent(
            v -> {
              where.append(" and (actor = ? or subject = ? or parties @> array[?]::varchar[])");
              parameters.addAll(List.of(v.value(), v.value(), v.value()));
            });
    long total = count(connection, where.toString(), parameters);
    List<LedgerEntry> items = new ArrayList<>();
    String sql =
        "select "
            + COLUMNS
            + " from ledger_entry"
            + where
            + " order by sequence desc limit ? offset ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = bind(statement, parameters);
      statement.setInt(i++, query.size());
      statement.setLong(i, (long) query.page() * query.size());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          items.add(entry(rows));
        }
      }
    }
    return new Page<>(items, query.page(), query.size(), total);
  }

  private static void add(StringBuilder where, List<Object> parameters, String sql, Object value) {
    where.append(sql);
    parameters.add(value);
  }

  private static long count(Connection connection, String where, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select count(*) from ledger_entry" + where)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static int bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    int i = 1;
    for (Object parameter : parameters) {
      statement.setObject(i++, parameter);
    }
    return i;
  }

  /**
   * Streams the whole chain through a verifier. The connection must not be in auto-commit, so that
   * PostgreSQL uses a cursor and memory stays flat however long the chain is.
   */
  static Verification verify(
      Connection connection, List<Checkpoint> checkpoints, Predicate<Checkpoint> signatureValid)
      throws SQLException {
    return verify(connection, new ChainVerifier(checkpoints, signatureValid));
  }

  static Verification verify(Connection connection, ChainVerifier verifier) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select " + COLUMNS + " from ledger_entry order by sequence")) {
      statement.setFetchSize(10_000);
      try (ResultSet rows = statement.executeQuery()) {
        boolean intact = true;
        while (intact && rows.next()) {
          intact = accept(verifier, rows);
        }
      }
    }
    return verifier.result();
  }

  private static boolean accept(ChainVerifier verifier, ResultSet rows) throws SQLException {
    try {
      return verifier.accept(entry(rows));
    } catch (CoveException malformed) {
      return verifier.unreadable(rows.getLong(1));
    }
  }

  private static LedgerEntry entry(ResultSet rows) throws SQLException {
    return new LedgerEntry(
        rows.getLong(1),
        time(rows.getObject(2, OffsetDateTime.class)),
        new Address(rows.getString(3)),
        rows.getString(4),
        rows.getString(5),
        addresses(rows.getArray(6)),
        rows.getString(7),
        rows.getString(8),
        rows.getString(9));
  }

  /**
   * PostgreSQL's 'infinity' and '-infinity' read back as {@link OffsetDateTime#MAX} and {@link
   * OffsetDateTime#MIN}, which no append stores and {@link Times} cannot write: the entry is
   * unreadable, as one with a bad address is.
   */
  private static Instant time(OffsetDateTime stored) {
    if (isInfinite(stored)) {
      throw new InvalidInputException("a ledger time is a point in time, not an infinity");
    }
    return stored.toInstant();
  }

  static boolean isInfinite(OffsetDateTime stored) {
    return stored.equals(OffsetDateTime.MAX) || stored.equals(OffsetDateTime.MIN);
  }

  private static List<Address> addresses(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(LedgerStore::party).toList();
  }

  /**
   * The column holds any array of varchar, nested ones included (only a hand-made change puts one
   * there); an element that is not one address makes the entry unreadable, as a bad address does.
   */
  private static Address party(Object element) {
    if (element instanceof String text) {
      return new Address(text);
    }
    throw new InvalidInputException(ProblemType.INVALID_ADDRESS, "a party is not an address");
  }

  private static Array addressArray(Connection connection, List<Address> addresses)
      throws SQLException {
    return connection.createArrayOf(
        "varchar", addresses.stream().map(Address::value).toArray(String[]::new));
  }
}
