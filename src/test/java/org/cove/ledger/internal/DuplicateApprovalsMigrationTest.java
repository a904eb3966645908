package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Verification;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.CanonicalJson;
import org.cove.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V0008 makes one pending approval per request the database's rule. Pending duplicates left by
 * parallel requests before it are collapsed into the oldest, each removal recorded in the ledger so
 * that the chain, untouched up to then, still verifies and tells what became of every request.
 */
class DuplicateApprovalsMigrationTest {

  private static final String DATASET = "did:op:" + "d".repeat(64);
  private static final String ALGORITHM = "did:op:" + "a".repeat(64);
  private static final String OTHER_ALGORITHM = "did:op:" + "b".repeat(64);
  private static final Address CONSUMER = new Address("0x" + "c".repeat(40));
  private static final Address PUBLISHER = new Address("0x" + "e".repeat(40));
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00.000001Z");

  private final TestDatabase database = TestDatabase.empty();

  @Test
  void duplicates_collapse_into_the_oldest_and_each_removal_is_chained_into_the_ledger()
      throws SQLException {
    migrate("7");
    try (Connection connection = database.connect()) {
      asset(connection, DATASET);
      asset(connection, ALGORITHM);
      asset(connection, OTHER_ALGORITHM);
      LedgerTestSupport.append(connection, requested("before"));
      approval(connection, "b-second", ALGORITHM, "PENDING", T0.plusSeconds(1));
      approval(connection, "z-oldest", ALGORITHM, "PENDING", T0);
      approval(connection, "a-tie", ALGORITHM, "PENDING", T0.plusSeconds(1));
      approval(connection, "decided", ALGORITHM, "APPROVED", T0.minusSeconds(60));
      approval(connection, "alone", OTHER_ALGORITHM, "PENDING", T0.plusSeconds(5));
      LedgerTestSupport.append(connection, requested("after"));
    }

    migrate(null);

    try (Connection connection = database.connect()) {
      assertThat(approvals(connection))
          .containsExactlyInAnyOrder("z-oldest PENDING", "decided APPROVED", "alone PENDING");
      List<LedgerEntry> withdrawn = withdrawn(connection);
      assertThat(withdrawn)
          .extracting(e -> json(e.payload()).get("approval"))
          .as("in a fixed order: the tie on time goes by id")
          .containsExactly("a-tie", "b-second");
      assertThat(withdrawn)
          .allSatisfy(
              e -> {
                assertThat(json(e.payload()).get("duplicateOf")).isEqualTo("z-oldest");
                assertThat(e.subject()).isEqualTo(DATASET);
                assertThat(e.actor().value()).isEqualTo("0x" + "0".repeat(40));
                assertThat(e.parties()).containsExactly(CONSUMER, PUBLISHER);
                assertThat(e.payload()).isEqualTo(CanonicalJson.canonicalize(e.payload()));
              });
      connection.setAutoCommit(false);
      Verification verification = LedgerStore.verify(connection, List.of(), c -> true);
      assertThat(verification.ok()).as(verification.reason()).isTrue();
      assertThat(verification.size()).isEqualTo(4);

      assertThatThrownBy(
              () -> approval(connection, "another", ALGORITHM, "PENDING", T0.plusSeconds(9)))
          .as("a second pending request is refused by the database")
          .hasMessageContaining("provider_approval_one_pending");
    }
  }

  @Test
  void a_ledger_without_duplicates_is_left_as_it_was() throws SQLException {
    migrate("7");
    try (Connection connection = database.connect()) {
      asset(connection, DATASET);
      asset(connection, ALGORITHM);
      approval(connection, "only", ALGORITHM, "PENDING", T0);
    }

    migrate(null);

    try (Connection connection = database.connect()) {
      assertThat(approvals(connection)).containsExactly("only PENDING");
      assertThat(withdrawn(connection)).isEmpty();
    }
  }

  private void migrate(String target) {
    var flyway =
        Flyway.configure(getClass().getClassLoader())
            .locations("classpath:db/migrations")
            .callbackLocations("classpath:db/callback")
            .dataSource(database.dataSource())
            .placeholders(Map.of("cove_app_role", ""));
    if (target != null) {
      flyway.target(target);
    }
    flyway.load().migrate();
  }

  private static AuditEvent requested(String which) {
    return LedgerTestSupport.event(
        CONSUMER,
        "approval-requested",
        DATASET,
        Set.of(CONSUMER, PUBLISHER),
        LedgerTestSupport.json("{\"approval\":\"" + which + "\"}"));
  }

  private static void asset(Connection connection, String did) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into provider_asset (did, asset_key, publisher, type, state, name,"
                + " description, ddo, created_at, updated_at)"
                + " values (?, 'key', ?, 'dataset', 'ACTIVE', 'n', 'd', '{}', now(), now())")) {
      insert.setString(1, did);
      insert.setString(2, PUBLISHER.value());
      insert.executeUpdate();
    }
  }

  private static void approval(
      Connection connection, String id, String algorithm, String state, Instant requestedAt)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into provider_approval (id, dataset_did, service_id, algorithm_did, consumer,"
                + " publisher, justification, files_checksum, container_checksum, state,"
                + " requested_at) values (?, ?, 'compute', ?, ?, ?, '', '', '', ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, DATASET);
      insert.setString(3, algorithm);
      insert.setString(4, CONSUMER.value());
      insert.setString(5, PUBLISHER.value());
      insert.setString(6, state);
      insert.setObject(7, OffsetDateTime.ofInstant(requestedAt, ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  private static List<String> approvals(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select id, state from provider_approval")) {
      while (result.next()) {
        rows.add(result.getString(1) + " " + result.getString(2));
      }
    }
    return rows;
  }

  private static List<LedgerEntry> withdrawn(Connection connection) throws SQLException {
    LedgerQuery query =
        new LedgerQuery(
            Optional.of("approval-withdrawn"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            100);
    List<LedgerEntry> entries = new ArrayList<>(LedgerStore.query(connection, query).items());
    Collections.reverse(entries);
    return entries;
  }

  private static Map<String, String> json(String payload) {
    Map<String, String> values = new HashMap<>();
    LedgerTestSupport.json(payload)
        .forEach((k, v) -> values.put(k, v.toString().replace("\"", "")));
    return values;
  }
}
