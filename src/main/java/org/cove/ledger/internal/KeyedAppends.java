package org.cove.ledger.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cove.shared.AuditTrail.Keyed;
import org.cove.shared.DatabaseException;

/** Keyed appends in a transaction: the caller's if it has one, else their own. */
@ApplicationScoped
class KeyedAppends {

  @Resource(lookup = "jdbc/cove")
  DataSource dataSource;

  private Clock clock;

  @Inject
  KeyedAppends(Clock clock) {
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected KeyedAppends() {}

  /** Returns the keys it appended: those not recorded before. */
  @Transactional
  Set<String> append(List<Keyed> events) {
    try (Connection connection = dataSource.getConnection()) {
      return LedgerStore.appendAllOnce(connection, events, clock.instant()).keySet();
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }
}
