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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cove.shared.DataDirectory;
import org.cove.shared.DatabaseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.SessionFactory;

/**
 * Brings the database up before anything touches it: starts the embedded PostgreSQL when no
 * external database is configured, applies the Flyway migrations, and has Hibernate validate the
 * schema against the entities.
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
      @ConfigProperty(name = "cove.db.migration.user") Optional<String> migrationUser,
      @ConfigProperty(name = "cove.db.migration.password") Optional<String> migrationPassword) {
    this.dataDirectory = dataDirectory;
    this.settings = new DatabaseSettings(url, embeddedPort, user, migrationUser, migrationPassword);
  }

  /** For CDI's proxy. */
  protected DatabaseBootstrap() {}

  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    if (settings.isEmbedded()) {
      embedded =
          EmbeddedDatabase.start(dataDirectory.directory("postgres"), settings.embeddedPort());
    }
    dropDeadConnections();
    migrate();
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    migrated = true;
    LOG.info("Database migrated and schema validated");
  }

  /**
   * With a separate migration role, the owner migrates and then grants the application role
   * (cove.db.user) what it needs, which excludes changing the ledger.
   */
  private void migrate() {
    FluentConfiguration flyway =
        Flyway.configure(getClass().getClassLoader())
            .locations("classpath:db/migrations")
            .callbackLocations("classpath:db/callback");
    if (settings.migrationUser().isPresent()) {
      flyway
          .dataSource(
              settings.url(),
              settings.migrationUser().get(),
              settings.migrationPassword().orElse(""))
          .placeholders(Map.of("cove_app_role", settings.user()));
    } else {
      flyway.dataSource(dataSource).placeholders(Map.of("cove_app_role", ""));
    }
    flyway.load().migrate();
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
