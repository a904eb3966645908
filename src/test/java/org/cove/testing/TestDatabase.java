package org.cove.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for tests: one zonky server per test JVM (zonky defaults, a free port, a
 * temporary data directory), and a fresh database per call, so test classes never see each other's
 * rows; within a class, {@link #truncateAll()} gives each test empty tables. Fresh databases are
 * cloned from a template migrated once, exactly as {@code DatabaseBootstrap} migrates Cove's own.
 */
public final class TestDatabase {

  /** The superuser zonky creates; it owns every test database. */
  public static final String OWNER = "postgres";

  private static final String TEMPLATE = "cove_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** A fresh database holding Cove's schema, migrated without a separate application role. */
  public static TestDatabase migrated() {
    Server.ensureTemplate();
    return create("template " + TEMPLATE);
  }

  /** A fresh database with nothing in it, for tests that migrate it themselves. */
  public static TestDatabase empty() {
    return create("");
  }

  private static TestDatabase create(String options) {
    String name = "cove_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    Server.execute("create database " + name + " " + options);
    return new TestDatabase(name);
  }

  /**
   * Applies Cove's migrations as the owner, as {@code DatabaseBootstrap} does; with a non-empty
   * {@code appRole}, the after-migrate callback grants that role what Cove needs and no more.
   */
  public TestDatabase migrate(String appRole) {
    migrate(dataSource(), appRole);
    return this;
  }

  private static void migrate(DataSource owner, String appRole) {
    Flyway.configure(TestDatabase.class.getClassLoader())
        .locations("classpath:db/migrations")
        .callbackLocations("classpath:db/callback")
        .dataSource(owner)
        .placeholders(Map.of("cove_app_role", appRole))
        .load()
        .migrate();
  }

  /**
   * Empties every table but Flyway's, bypassing the ledger's append-only triggers as only a
   * superuser can, so that a test class may share one database and still start each test empty.
   */
  public void truncateAll() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute(
          """
          do $$
          declare
              tables text := (select string_agg(format('%I', tablename), ', ') from pg_tables
                              where schemaname = current_schema()
                                and tablename <> 'flyway_schema_history');
          begin
              if tables is not null then
                  execute 'truncate ' || tables;
              end if;
          end
          $$""");
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty " + name + ": " + e.getMessage(), e);
    }
  }

  /** Creates a login role with no privileges of its own (roles belong to the whole server). */
  public static void createRole(String role, String password) {
    Server.execute("create role " + role + " login password '" + password + "'");
  }

  public String name() {
    return name;
  }

  public String url() {
    return Server.postgres().getJdbcUrl(OWNER, name);
  }

  /** Connections as the owning superuser. */
  public DataSource dataSource() {
    return Server.postgres().getDatabase(OWNER, name);
  }

  /** A new connection as the owning superuser; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource().getConnection();
  }

  /** A new connection as {@code role}; the caller closes it. */
  public Connection connectAs(String role, String password) throws SQLException {
    return DriverManager.getConnection(Server.postgres().getJdbcUrl(role, name), role, password);
  }

  /** The one server, started on first use and stopped by zonky's shutdown hook. */
  private static final class Server {

    private static final EmbeddedPostgres POSTGRES = start();
    private static boolean templateReady;

    private static EmbeddedPostgres start() {
      try {
        return EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
      }
    }

    static EmbeddedPostgres postgres() {
      return POSTGRES;
    }

    static synchronized void ensureTemplate() {
      if (!templateReady) {
        execute("create database " + TEMPLATE);
        migrate(POSTGRES.getDatabase(OWNER, TEMPLATE), "");
        templateReady = true;
      }
    }

    static void execute(String sql) {
      try (Connection connection = POSTGRES.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  }
}
