package org.cove.provider.internal.payments;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cove.shared.Address;
import org.cove.shared.DatabaseException;

/**
 * Quotes and accepted payments in PostgreSQL. A transaction's second use fails on the payment
 * table's primary key, also when two requests race: the second insert waits for the first one's
 * transaction and then fails.
 */
@ApplicationScoped
class PaymentStore {

  /** PostgreSQL's unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";

  @Resource(lookup = "jdbc/cove")
  DataSource dataSource;

  /** Thrown when the transaction has paid for something before. */
  static final class AlreadyUsed extends RuntimeException {
    AlreadyUsed() {
      super("payment already used", null, false, false);
    }
  }

  /** An accepted payment, as it is recorded. */
  record Paid(
      long chainId,
      String txHash,
      Address payer,
      Address payee,
      Optional<String> token,
      BigInteger units,
      String item,
      Optional<String> asset) {}

  /**
   * Stores the quote within the bounds of {@link QuoteRows}: sweeping quotes expired longer than
   * {@code retention}, refusing a consumer who has {@code limit} unexpired ones.
   *
   * @throws QuoteLimitRefusal when the consumer has too many
   */
  @Transactional
  long saveQuote(
      Address consumer, String item, StoredQuote quote, int limit, java.time.Duration retention) {
    try (Connection c = dataSource.getConnection()) {
      return QuoteRows.insert(c, consumer, item, quote, limit, retention);
    } catch (QuoteRows.LimitReached e) {
      throw new QuoteLimitRefusal(limit, e.retryAfter());
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** The consumer's quotes for the item, newest first (at most 50: older ones cannot matter). */
  @Transactional
  List<StoredQuote> quotes(Address consumer, String item) {
    String sql =
        "select id, payee, token, chain_id, amount, issued_at, valid_until from payment_quote"
            + " where consumer = ? and item = ? order by issued_at desc limit 50";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, consumer.value());
      s.setString(2, item);
      List<StoredQuote> quotes = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          quotes.add(
              new StoredQuote(
                  rows.getLong(1),
                  new Address(rows.getString(2)),
                  Optional.ofNullable(rows.getString(3)),
                  rows.getLong(4),
                  rows.getBigDecimal(5).toBigIntegerExact(),
                  rows.getTimestamp(6).toInstant(),
                  rows.getTimestamp(7).toInstant()));
        }
      }
      return quotes;
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  @Transactional
  boolean used(long chainId, String txHash) {
    String sql = "select 1 from payment where chain_id = ? and tx_hash = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, chainId);
      s.setString(2, txHash);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** Records the payment in the caller's transaction; {@link AlreadyUsed} if it was used. */
  @Transactional(Transactional.TxType.MANDATORY)
  void record(Paid paid, String paidFor, Instant now) {
    String sql =
        "insert into payment (chain_id, tx_hash, payer, payee, token, amount, item, asset,"
            + " paid_for, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, paid.chainId());
      s.setString(2, paid.txHash());
      s.setString(3, paid.payer().value());
      s.setString(4, paid.payee().value());
      setOptional(s, 5, paid.token());
      s.setBigDecimal(6, new BigDecimal(paid.units()));
      s.setString(7, paid.item());
      setOptional(s, 8, paid.asset());
      s.setString(9, paidFor);
      s.setTimestamp(10, Timestamp.from(now));
      s.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new AlreadyUsed();
      }
      throw new DatabaseException(e);
    }
  }

  /** Totals per asset/item and token paid to the payee. */
  @Transactional
  List<Total> totals(Address payee) {
    String sql =
        "select asset, item, token, chain_id, sum(amount), count(*) from payment where payee = ?"
            + " group by asset, item, token, chain_id order by item, token";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, payee.value());
      List<Total> totals = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          totals.add(
              new Total(
                  Optional.ofNullable(rows.getString(1)),
                  rows.getString(2),
                  Optional.ofNullable(rows.getString(3)),
                  rows.getLong(4),
                  rows.getBigDecimal(5).toBigIntegerExact(),
                  rows.getLong(6)));
        }
      }
      return totals;
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  record Total(
      Optional<String> asset,
      String item,
      Optional<String> token,
      long chainId,
      BigInteger units,
      long payments) {}

  private static void setOptional(PreparedStatement s, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setString(index, value.get());
    } else {
      s.setNull(index, Types.VARCHAR);
    }
  }
}
