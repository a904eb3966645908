package org.cove.provider.internal.payments;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import org.cove.shared.Address;

/**
 * Storing a quote within its bounds, on the caller's connection and in the caller's transaction:
 * quotes expired longer than the retention are swept (a bounded batch per write, so a backlog never
 * makes one request slow), and a consumer with {@code limit} unexpired quotes gets no more until
 * one expires. The count and the insert happen under a per-consumer advisory lock held to the end
 * of the transaction, so concurrent requests of one consumer cannot together pass the limit.
 */
final class QuoteRows {

  /** At most this many expired rows are deleted per stored quote: more than are ever added. */
  static final int SWEEP_BATCH = 100;

  private QuoteRows() {}

  /** Refused: the consumer already has {@code limit} unexpired quotes. */
  static final class LimitReached extends RuntimeException {
    private final Duration retryAfter;

    LimitReached(Duration retryAfter) {
      super("quote limit reached", null, false, false);
      this.retryAfter = retryAfter;
    }

    /** Until the consumer's oldest unexpired quote expires. */
    Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * Sweeps, checks the consumer's limit and inserts; the quote's issue time is "now".
   *
   * @return the new quote's id
   * @throws LimitReached when the consumer has {@code limit} unexpired quotes
   */
  static long insert(
      Connection c, Address consumer, String item, StoredQuote quote, int limit, Duration retention)
      throws SQLException {
    Instant now = quote.issuedAt();
    sweep(c, now.minus(retention));
    lock(c, consumer);
    Outstanding outstanding = outstanding(c, consumer, now);
    if (outstanding.count() >= limit) {
      throw new LimitReached(Duration.between(now, outstanding.firstExpiry()));
    }
    return insertRow(c, consumer, item, quote);
  }

  /** Deletes a batch of quotes that expired before {@code before}; answers how many. */
  static int sweep(Connection c, Instant before) throws SQLException {
    String sql =
        "delete from payment_quote where id in (select id from payment_quote where valid_until < ?"
            + " limit "
            + SWEEP_BATCH
            + ")";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setTimestamp(1, Timestamp.from(before));
      return s.executeUpdate();
    }
  }

  private static void lock(Connection c, Address consumer) throws SQLException {
    // Namespaced so that no other advisory lock of Cove's ever shares a key with this one.
    try (PreparedStatement s =
        c.prepareStatement("select pg_advisory_xact_lock(hashtext('payment_quote:' || ?))")) {
      s.setString(1, consumer.value());
      s.executeQuery().close();
    }
  }

  private record Outstanding(long count, Instant firstExpiry) {}

  private static Outstanding outstanding(Connection c, Address consumer, Instant now)
      throws SQLException {
    String sql =
        "select count(*), min(valid_until) from payment_quote where consumer = ? and valid_until"
            + " > ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, consumer.value());
      s.setTimestamp(2, Timestamp.from(now));
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        Timestamp first = rows.getTimestamp(2);
        return new Outstanding(rows.getLong(1), first == null ? now : first.toInstant());
      }
    }
  }

  private static long insertRow(Connection c, Address consumer, String item, StoredQuote quote)
      throws SQLException {
    String sql =
        "insert into payment_quote (consumer, item, payee, token, chain_id, amount, issued_at,"
            + " valid_until) values (?, ?, ?, ?, ?, ?, ?, ?) returning id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, consumer.value());
      s.setString(2, item);
      s.setString(3, quote.payee().value());
      if (quote.token().isPresent()) {
        s.setString(4, quote.token().get());
      } else {
        s.setNull(4, Types.VARCHAR);
      }
      s.setLong(5, quote.chainId());
      s.setBigDecimal(6, new BigDecimal(quote.units()));
      s.setTimestamp(7, Timestamp.from(quote.issuedAt()));
      s.setTimestamp(8, Timestamp.from(quote.validUntil()));
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
