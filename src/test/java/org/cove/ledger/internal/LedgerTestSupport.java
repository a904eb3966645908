package org.cove.ledger.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.cove.ledger.LedgerEntry;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail.Keyed;
import org.cove.shared.ChainAnchors;
import org.cove.shared.ProviderSigner;

/**
 * Appending as Cove does, one transaction per entry, and the ledger service without a container.
 */
final class LedgerTestSupport {

  private LedgerTestSupport() {}

  /** One append in a transaction of its own, as a request that records one event does it. */
  static LedgerEntry append(Connection connection, AuditEvent event) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      LedgerEntry entry = LedgerStore.append(connection, event, Instant.now());
      connection.commit();
      return entry;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** One keyed append on the caller's connection; empty when the key was recorded before. */
  static Optional<LedgerEntry> appendOnce(
      Connection connection, String key, AuditEvent event, Instant now) throws SQLException {
    return Optional.ofNullable(
        LedgerStore.appendAllOnce(connection, List.of(new Keyed(key, event)), now).get(key));
  }

  static AuditEvent event(Address actor, String kind, String subject, Collection<Address> parties) {
    return event(actor, kind, subject, parties, Json.createObjectBuilder().add("n", 1).build());
  }

  static AuditEvent event(
      Address actor, String kind, String subject, Collection<Address> parties, JsonObject payload) {
    return new AuditEvent(actor, kind, subject, payload, Set.copyOf(parties));
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /**
   * The server's ledger service wired by hand. Outside a container {@code @Transactional} does
   * nothing, so each call runs on an auto-commit connection of its own.
   */
  static JdbcLedger jdbcLedger(DataSource dataSource, ProviderSigner signer) {
    return jdbcLedger(dataSource, signer, FakeChain.notConfigured(), Clock.systemUTC());
  }

  /** As {@link #jdbcLedger(DataSource, ProviderSigner)}, anchoring on {@code chain}. */
  static JdbcLedger jdbcLedger(
      DataSource dataSource, ProviderSigner signer, ChainAnchors chain, Clock clock) {
    KeyedAppends appends = new KeyedAppends(clock);
    appends.dataSource = dataSource;
    JdbcLedger ledger = new JdbcLedger(signer, clock, appends, chain);
    ledger.dataSource = dataSource;
    return ledger;
  }
}
