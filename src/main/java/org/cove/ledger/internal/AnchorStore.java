package org.cove.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The ledger's SQL for its anchors, on a connection whose transaction the caller owns. */
final class AnchorStore {

  /** Arbitrary, fixed: held while an anchor is made, so that replicas do not make it twice. */
  private static final long ANCHOR_LOCK = 0x436f7665416e63L;

  private static final String SELECT = "select size, transaction, created_at from ledger_anchor";

  /** An anchor as the ledger holds it. */
  record Stored(long size, String transaction, Instant created) {}

  private AnchorStore() {}

  /** Whether this transaction holds the anchoring lock now (it never waits for it). */
  static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, ANCHOR_LOCK);
      try (ResultSet rows = lock.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  /**
   * Stores an anchor before its transaction is sent; the commit is synchronous, so that a
   * transaction on the chain never lacks its row, even after a crash.
   */
  static void insert(Connection connection, long size, String transaction, Instant now)
      throws SQLException {
    try (Statement durable = connection.createStatement()) {
      durable.execute("set local synchronous_commit = on");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into ledger_anchor (transaction, size, created_at) values (?, ?, ?)")) {
      insert.setString(1, transaction);
      insert.setLong(2, size);
      insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /** The anchors of the checkpoint at {@code size}, newest first. */
  static List<Stored> of(Connection connection, long size) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(SELECT + " where size = ? order by created_at desc")) {
      select.setLong(1, size);
      return rows(select);
    }
  }

  /** The newest {@code limit} anchors, newest first. */
  static List<Stored> newestFirst(Connection connection, int limit) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(SELECT + " order by size desc, created_at desc limit ?")) {
      select.setInt(1, limit);
      return rows(select);
    }
  }

  static int count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from ledger_anchor")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static List<Stored> rows(PreparedStatement select) throws SQLException {
    List<Stored> anchors = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        anchors.add(
            new Stored(
                rows.getLong(1),
                rows.getString(2),
                rows.getObject(3, OffsetDateTime.class).toInstant()));
      }
    }
    return anchors;
  }
}
