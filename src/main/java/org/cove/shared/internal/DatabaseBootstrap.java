package org.cove.shared.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cove.shared.DataDirectory;
import org.cove.shared.DatabaseException;
import org.cove.shared.internal.DatabaseSettings.Login;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.SessionFactory;

/**
 * Brings the database up before anything touches it: starts the embedded PostgreSQL when no
 * external database is configured, hands the application role's password to the driver, applies the
 * Flyway migrations as the schema's owner, and has Hibernate validate the schema against the
 * entities. The embedded server migrates as its superuser and runs Cove as a separate role that
 * cannot change the ledger; an external one does the same when COVE_DB_MIGRATION_USER names the
 * owner, and a warning says so when Cove's own role could switch the ledger's triggers off.
 */
@ApplicationScoped
public class DatabaseBootstrap {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());

  @Resource(lookup = "jdbc/cove")
  DataSource dataSource;

  @PersistenceUnit(unitName = "cove")
  EntityManagerFactory entityManagerFactory;

  private DataDirectory dataDirectory;
  private DatabaseSettings settings;
  private EmbeddedDatabase embedded;
  private volatile boolean migrated;

  @Inject
  DatabaseBootstrap(
      DataDirectory dataDirectory,
      @ConfigProperty(name = "cove.db.url") String url,
      @ConfigProperty(name = "cove.db.embedded.port") int embeddedPort,
      @ConfigProperty(name = "cove.db.user") String user,
      @ConfigProperty(name = "cove.db.password") Optional<String> password,
      @ConfigProperty(name = "cove.db.migration.user") Optional<String> migrationUser,
      @ConfigProperty(name = "cove.db.migration.password") Optional<String> migrationPassword) {
    this.dataDirectory = dataDirectory;
    this.settings =
        new DatabaseSettings(url, embeddedPort, user, password, migrationUser, migrationPassword);
  }

  /** For CDI's proxy. */
  protected DatabaseBootstrap() {}

  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    Optional<Login> owner = settings.isEmbedded() ? startEmbedded() : external();
    dropDeadConnections();
    migrate(owner);
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    warnIfCoveCanChangeTheLedger();
    migrated = true;
    LOG.info("Database migrated and schema validated");
  }

  /** Starts the embedded server; its superuser owns the schema, Cove runs as cove.db.user. */
  private Optional<Login> startEmbedded() {
    Path cluster = dataDirectory.directory("postgres");
    EmbeddedCredentials credentials =
        EmbeddedCredentials.loadOrCreate(
            dataDirectory.directory("keys"), EmbeddedDatabase.requiresPasswords(cluster));
    embedded =
        EmbeddedDatabase.start(cluster, settings.embeddedPort(), credentials, settings.user());
    DriverPasswords.install(settings.user(), credentials.appPassword());
    return Optional.of(new Login(EmbeddedRoles.SUPERUSER, credentials.ownerPassword()));
  }

  private Optional<Login> external() {
    settings.password().ifPresent(password -> DriverPasswords.install(settings.user(), password));
    return settings.migrationLogin();
  }

  /**
   * With a separate owner, the owner migrates and then grants the application role (cove.db.user)
   * what it needs, which excludes changing the ledger. Without one, Cove's own role migrates and
   * owns everything.
   */
  private void migrate(Optional<Login> owner) {
    FluentConfiguration flyway =
        Flyway.configure(getClass().getClassLoader())
            .locations("classpath:db/migrations")
            .callbackLocations("classpath:db/callback");
    if (owner.isPresent()) {
      flyway
          .dataSource(settings.migrationUrl(), owner.get().user(), owner.get().password())
          .placeholders(Map.of("cove_app_role", settings.user()));
    } else {
      flyway.dataSource(dataSource).placeholders(Map.of("cove_app_role", ""));
    }
    flyway.load().migrate();
  }

  /**
   * A role that owns the ledger's table (or is a superuser) can disable its append-only triggers:
   * then the ledger is only as safe as that role's password, which an operator should know.
   */
  private void warnIfCoveCanChangeTheLedger() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select r.rolsuper or pg_has_role(current_user, c.relowner, 'MEMBER')"
                    + " from pg_roles r, pg_class c"
                    + " where r.rolname = current_user and c.oid = 'ledger_entry'::regclass")) {
      if (rows.next() && rows.getBoolean(1)) {
        LOG.warning(
            "Cove's database role owns the ledger (or is a superuser), so it could switch the"
                + " ledger's append-only triggers off: run Cove as a role of its own and migrate"
                + " as the owner (COVE_DB_MIGRATION_USER, docs/ledger.md)");
      }
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /**
   * The pool lends connections unchecked and purges itself when one fails for want of a database
   * (server.xml). The application may start again in a server whose pool still holds connections to
   * an embedded database that stopped with the previous start: the first statement fails and
   * empties the pool, and the second runs on a new connection.
   */
  private void dropDeadConnections() {
    try {
      probe(30);
    } catch (SQLException first) {
      if (!DatabaseException.isUnavailable(first)) {
        throw new DatabaseException(first);
      }
      try {
        probe(30);
      } catch (SQLException second) {
        throw new DatabaseException(second);
      }
    }
  }

  /**
   * True when the schema is migrated and the database answers now. A statement, not {@code
   * isValid}: a dead connection must fail loudly so that the pool purges it, or every probe would
   * be lent the same dead connection again.
   */
  public boolean isReady() {
    if (!migrated) {
      return false;
    }
    try {
      probe(2);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private void probe(int timeoutSeconds) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      statement.execute("select 1");
    }
  }

  @PreDestroy
  void stop() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
