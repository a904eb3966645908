package org.cove.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server on a real cluster: durable, password-only, and with Cove running as a role
 * that cannot change or switch off the ledger, whether the cluster is new or was made by an older
 * Cove that ran as the superuser with every local connection trusted.
 */
class EmbeddedDatabaseTest {

  private static final String APP = "cove_app";

  @TempDir Path data;

  @Test
  void theEmbeddedServerWritesThroughToDiskSoACrashCannotCorruptIt() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase ignored = start(port)) {
      assertEquals("on", setting(port, "fsync"));
      assertEquals("on", setting(port, "full_page_writes"));
    }
  }

  @Test
  void whatWasCommittedIsThereAfterARestart() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase ignored = start(port)) {
      execute(port, "create table kept (value text)");
      execute(port, "insert into kept values ('committed')");
    }
    try (EmbeddedDatabase ignored = start(port)) {
      assertEquals("committed", query(port, "select value from kept"));
    }
  }

  @Test
  void every_connection_needs_its_password_and_the_passwords_are_the_owners_alone()
      throws Exception {
    int port = freePort();
    try (EmbeddedDatabase ignored = start(port)) {
      assertRefused(port, "postgres", "");
      assertRefused(port, "postgres", "postgres");
      assertRefused(port, APP, "");
      try (Connection app = connect(port, APP, credentials().appPassword())) {
        assertThat(app.isValid(1)).isTrue();
      }
    }
    for (String file : List.of(EmbeddedCredentials.OWNER_FILE, EmbeddedCredentials.APP_FILE)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().resolve(file))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void the_application_role_cannot_change_or_switch_off_the_ledger() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase database = start(port)) {
      migrate(database, APP);
      try (Connection app = connect(port, APP, credentials().appPassword());
          Statement statement = app.createStatement()) {
        statement.execute(
            "insert into ledger_entry (sequence, recorded_at, actor, kind, subject, payload,"
                + " previous_hash, hash) values (1, now(), '0x01', 'k', 's', '{}', 'p', 'h')");

        assertThat(ledgerChanges())
            .allSatisfy(
                sql ->
                    assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .satisfies(
                            e ->
                                assertThat(((SQLException) e).getSQLState())
                                    .as(sql + ": " + e.getMessage())
                                    .isEqualTo("42501")));
        assertThat(query(statement, "select count(*) from ledger_entry")).isEqualTo("1");
      }
    }
  }

  @Test
  void a_data_directory_of_an_older_cove_is_secured_in_place() throws Exception {
    int port = freePort();
    try (EmbeddedPostgres older =
        EmbeddedPostgres.builder()
            .setDataDirectory(data.resolve("postgres"))
            .setCleanDataDirectory(false)
            .setPort(port)
            .start()) {
      Flyway.configure(getClass().getClassLoader())
          .locations("classpath:db/migrations")
          .callbackLocations("classpath:db/callback")
          .dataSource(older.getPostgresDatabase())
          .placeholders(Map.of("cove_app_role", ""))
          .load()
          .migrate();
      try (Connection superuser = older.getPostgresDatabase().getConnection();
          Statement statement = superuser.createStatement()) {
        statement.execute(
            "insert into ledger_entry (sequence, recorded_at, actor, kind, subject, payload,"
                + " previous_hash, hash) values (1, now(), '0x01', 'k', 's', '{}', 'p', 'h')");
      }
    }

    try (EmbeddedDatabase upgraded = start(port)) {
      assertRefused(port, "postgres", "");
      migrate(upgraded, APP);
      try (Connection app = connect(port, APP, credentials().appPassword());
          Statement statement = app.createStatement()) {
        assertThat(query(statement, "select count(*) from ledger_entry")).isEqualTo("1");
        assertThatThrownBy(() -> statement.execute("set session_replication_role = replica"))
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> statement.execute("delete from ledger_entry"))
            .isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  void a_cluster_that_needs_passwords_does_not_start_without_them() throws Exception {
    int port = freePort();
    start(port).close();
    Files.delete(keys().resolve(EmbeddedCredentials.OWNER_FILE));

    assertThatThrownBy(
            () ->
                EmbeddedCredentials.loadOrCreate(
                    keys(), EmbeddedDatabase.requiresPasswords(data.resolve("postgres"))))
        .hasMessageContaining("restore them");
  }

  /** What a role that cannot rewrite the ledger must be refused (insufficient_privilege). */
  private static List<String> ledgerChanges() {
    return List.of(
        "set session_replication_role = replica",
        "set session_replication_role = local",
        "alter table ledger_entry disable trigger all",
        "alter table ledger_entry disable trigger ledger_entry_append_only",
        "drop trigger ledger_entry_append_only on ledger_entry",
        "drop trigger ledger_checkpoint_append_only on ledger_checkpoint",
        "create or replace function ledger_refuse_change() returns trigger language plpgsql"
            + " as $$ begin return new; end $$",
        "drop function ledger_refuse_change() cascade",
        "alter function ledger_refuse_change() owner to cove_app",
        "alter table ledger_entry owner to cove_app",
        "update ledger_entry set kind = 'rewritten'",
        "delete from ledger_entry",
        "truncate ledger_entry",
        "update ledger_checkpoint set head = 'rewritten'",
        "delete from ledger_checkpoint",
        "truncate ledger_checkpoint",
        "create table shadow (value text)",
        "set role postgres");
  }

  private EmbeddedDatabase start(int port) {
    Path cluster = data.resolve("postgres");
    EmbeddedCredentials credentials =
        EmbeddedCredentials.loadOrCreate(keys(), EmbeddedDatabase.requiresPasswords(cluster));
    return EmbeddedDatabase.start(cluster, port, credentials, APP);
  }

  private Path keys() {
    return data.resolve("keys");
  }

  private EmbeddedCredentials credentials() {
    return EmbeddedCredentials.loadOrCreate(keys(), true);
  }

  /** As DatabaseBootstrap migrates the embedded server: as the superuser, granting the app role. */
  private void migrate(EmbeddedDatabase database, String appRole) {
    Flyway.configure(getClass().getClassLoader())
        .locations("classpath:db/migrations")
        .callbackLocations("classpath:db/callback")
        .dataSource(database.url(), "postgres", credentials().ownerPassword())
        .placeholders(Map.of("cove_app_role", appRole))
        .load()
        .migrate();
  }

  private void assertRefused(int port, String user, String password) {
    assertThatThrownBy(() -> connect(port, user, password).close())
        .as("%s with %s", user, password.isEmpty() ? "no password" : "a wrong password")
        .isInstanceOf(SQLException.class);
  }

  private String setting(int port, String name) throws SQLException {
    return query(port, "show " + name);
  }

  private String query(int port, String sql) throws SQLException {
    try (Connection connection = owner(port);
        Statement statement = connection.createStatement()) {
      return query(statement, sql);
    }
  }

  private static String query(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private void execute(int port, String sql) throws SQLException {
    try (Connection connection = owner(port);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection owner(int port) throws SQLException {
    return connect(port, "postgres", credentials().ownerPassword());
  }

  private static Connection connect(int port, String user, String password) throws SQLException {
    return DriverManager.getConnection(DatabaseSettings.embeddedUrl(port), user, password);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
