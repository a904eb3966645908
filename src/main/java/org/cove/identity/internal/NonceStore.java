package org.cove.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.cove.shared.Address;

/**
 * The last accepted nonce per address. Advancing is one statement, so PostgreSQL's row lock decides
 * between concurrent requests: of two with the same nonce, the second waits for the first and then
 * finds its nonce no longer greater.
 */
final class NonceStore {

  private static final String ADVANCE =
      """
      insert into identity_nonce (address, nonce, updated_at) values (?, ?, now())
      on conflict (address) do update set nonce = excluded.nonce, updated_at = now()
      where identity_nonce.nonce < excluded.nonce
      """;
  private static final String LAST = "select nonce from identity_nonce where address = ?";

  private NonceStore() {}

  /**
   * True when {@code nonce} was greater than the last one (0 for an address never seen) and is now
   * the last one.
   */
  static boolean advance(Connection connection, Address address, long nonce) throws SQLException {
    if (nonce <= 0) {
      return false;
    }
    try (PreparedStatement statement = connection.prepareStatement(ADVANCE)) {
      statement.setString(1, address.value());
      statement.setLong(2, nonce);
      return statement.executeUpdate() == 1;
    }
  }

  static long last(Connection connection, Address address) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LAST)) {
      statement.setString(1, address.value());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }
}
