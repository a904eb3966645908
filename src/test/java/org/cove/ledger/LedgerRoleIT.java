package org.cove.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cove.testing.CoveClient;
import org.cove.testing.ServerDatabase;
import org.junit.jupiter.api.Test;

/**
 * On the embedded default, Cove runs as a role of its own that can append to the ledger but can
 * neither change it nor switch its append-only triggers off, and no connection is trusted.
 */
class LedgerRoleIT {

  private final CoveClient cove = new CoveClient();

  @Test
  void cove_connects_as_its_application_role_which_is_no_superuser() throws SQLException {
    assertThat(cove.get("/health/ready").status()).isEqualTo(200);

    try (Connection superuser = ServerDatabase.superuser();
        Statement statement = superuser.createStatement()) {
      Set<String> users = new HashSet<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select distinct usename from pg_stat_activity where backend_type = 'client backend'"
                  + " and pid <> pg_backend_pid()")) {
        while (rows.next()) {
          users.add(rows.getString(1));
        }
      }
      assertThat(users).containsExactly(ServerDatabase.APP_ROLE);
      try (ResultSet role =
          statement.executeQuery(
              "select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls"
                  + " from pg_roles where rolname = 'cove_app'")) {
        assertThat(role.next()).isTrue();
        for (int column = 1; column <= 5; column++) {
          assertThat(role.getBoolean(column)).as("column %d", column).isFalse();
        }
      }
    }
  }

  @Test
  void the_application_role_cannot_rewrite_the_ledger_or_switch_its_triggers_off()
      throws SQLException {
    try (Connection app = ServerDatabase.app();
        Statement statement = app.createStatement()) {
      for (String change :
          List.of(
              "set session_replication_role = replica",
              "alter table ledger_entry disable trigger all",
              "drop trigger ledger_entry_append_only on ledger_entry",
              "create or replace function ledger_refuse_change() returns trigger"
                  + " language plpgsql as $$ begin return new; end $$",
              "update ledger_entry set kind = 'rewritten'",
              "delete from ledger_entry",
              "truncate ledger_entry",
              "update ledger_checkpoint set head = 'rewritten'",
              "delete from ledger_checkpoint",
              "truncate ledger_checkpoint",
              "delete from ledger_anchor")) {
        assertThatThrownBy(() -> statement.execute(change))
            .as(change)
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      }
    }
  }

  @Test
  void no_connection_is_trusted_without_a_password() {
    for (String user : List.of("postgres", ServerDatabase.APP_ROLE)) {
      assertThatThrownBy(() -> DriverManager.getConnection(ServerDatabase.url(), user, "").close())
          .as(user)
          .isInstanceOf(SQLException.class);
    }
  }
}
