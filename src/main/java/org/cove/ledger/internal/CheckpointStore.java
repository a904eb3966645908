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
import java.util.Optional;
import org.cove.ledger.Checkpoint;
import org.cove.shared.Address;

/**
 * The ledger's SQL for its signed checkpoints, on a connection whose transaction the caller owns.
 */
final class CheckpointStore {

  /**
   * Stands in for the signer of a checkpoint row that no longer reads as one (altered in the
   * database). No key signs for it, so the checkpoint is reported as invalid and never relied on,
   * instead of verification failing outright.
   */
  private static final Address UNREADABLE_SIGNER = new Address("0x" + "0".repeat(40));

  private CheckpointStore() {}

  /**
   * Stores a signed checkpoint. Its transaction commits synchronously whatever the server's setting
   * (the embedded default's is off): a checkpoint is handed out to be verified against later, so
   * the head it signs must not be lost in a crash after it left, or verification would report a
   * ledger that was never tampered with as cut short.
   */
  static void insertCheckpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
    try (Statement durable = connection.createStatement()) {
      durable.execute("set local synchronous_commit = on");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into ledger_checkpoint (size, head, created_at, signer, signature)"
                + " values (?, ?, ?, ?, ?) on conflict (size) do nothing")) {
      insert.setLong(1, checkpoint.size());
      insert.setString(2, checkpoint.head());
      insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.time(), ZoneOffset.UTC));
      insert.setString(4, checkpoint.signer().value());
      insert.setString(5, checkpoint.signature());
      insert.executeUpdate();
    }
  }

  /** The stored checkpoint of this size, if the head at that size was checkpointed before. */
  static Optional<Checkpoint> checkpointAt(Connection connection, long size) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select size, head, created_at, signer, signature from ledger_checkpoint"
                + " where size = ?")) {
      select.setLong(1, size);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
      }
    }
  }

  /** The checkpoint of the largest size, if any. */
  static Optional<Checkpoint> latest(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select size, head, created_at, signer, signature from ledger_checkpoint"
                    + " order by size desc limit 1")) {
      return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
    }
  }

  /**
   * How far checkpoints cover the chain: its size, the largest checkpoint's size, and when the
   * first entry after that was recorded (none when every entry is covered).
   */
  static CheckpointPolicy.Coverage coverage(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "with covered as (select coalesce(max(size), 0) as size from ledger_checkpoint)"
                    + " select (select coalesce(max(sequence), 0) from ledger_entry),"
                    + " covered.size,"
                    + " (select recorded_at from ledger_entry where sequence = covered.size + 1)"
                    + " from covered")) {
      rows.next();
      OffsetDateTime oldest = rows.getObject(3, OffsetDateTime.class);
      return new CheckpointPolicy.Coverage(
          rows.getLong(1),
          rows.getLong(2),
          Optional.ofNullable(oldest)
              .filter(t -> !LedgerStore.isInfinite(t))
              .map(OffsetDateTime::toInstant));
    }
  }

  static List<Checkpoint> checkpoints(Connection connection) throws SQLException {
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select size, head, created_at, signer, signature from ledger_checkpoint"
                    + " order by size")) {
      while (rows.next()) {
        checkpoints.add(checkpoint(rows));
      }
    }
    return checkpoints;
  }

  private static Checkpoint checkpoint(ResultSet rows) throws SQLException {
    long size = rows.getLong(1);
    String head = rows.getString(2);
    OffsetDateTime time = rows.getObject(3, OffsetDateTime.class);
    String signer = rows.getString(4);
    String signature = rows.getString(5);
    if (LedgerStore.isInfinite(time) || !Address.isAddress(signer)) {
      return new Checkpoint(size, head, Instant.EPOCH, UNREADABLE_SIGNER, signature);
    }
    return new Checkpoint(size, head, time.toInstant(), Address.parse(signer), signature);
  }
}
