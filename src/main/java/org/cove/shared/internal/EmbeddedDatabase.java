package org.cove.shared.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.cove.shared.LogSafe;

/**
 * A real PostgreSQL server run from the zonky binaries in the data directory, for when no database
 * is configured. It keeps its data across restarts and machine crashes: zonky starts its servers
 * with fsync off (for throwaway test data: a power cut can corrupt the whole cluster), and this one
 * holds the ledger, so fsync is back on. Commits stay asynchronous (zonky's {@code
 * synchronous_commit=off}): a power cut may lose the last fraction of a second of them, never
 * corrupt what came before; ledger checkpoints, which leave the server, commit synchronously.
 *
 * <p>Zonky creates clusters that trust every local connection, so any process on the machine could
 * connect as the superuser (and run programs as Cove's user). This one requires a password (SCRAM)
 * from every connection: a new cluster is created with the superuser's password and password
 * authentication from the start (zonky passes the extra initdb options on), and an older one,
 * created trusting, gets the passwords and Cove's {@code pg_hba.conf} at its first start here; the
 * start then waits until a connection without a password is refused. The roles are {@link
 * EmbeddedRoles}'.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  /** Every connection needs a password; replication connections are not allowed at all. */
  static final String HBA =
      """
      # Written by Cove at every start: every connection to its embedded PostgreSQL needs a
      # password (SCRAM). Edits are overwritten.
      local   all   all                 scram-sha-256
      host    all   all   127.0.0.1/32  scram-sha-256
      host    all   all   ::1/128       scram-sha-256
      """;

  private static final Duration TRUST_GONE_BOUND = Duration.ofSeconds(10);

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /** Whether the cluster in {@code dataDirectory} was made to require passwords already. */
  static boolean requiresPasswords(Path dataDirectory) {
    try {
      Path hba = dataDirectory.resolve("pg_hba.conf");
      return Files.isReadable(hba) && Files.readString(hba).equals(HBA);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded database's pg_hba.conf", e);
    }
  }

  /**
   * Starts the server on the cluster in {@code dataDirectory} (creating it on first use), with the
   * superuser's password and the application role set, and every connection needing a password.
   */
  static EmbeddedDatabase start(
      Path dataDirectory, int port, EmbeddedCredentials credentials, String appRole) {
    stopOrphanedServer(dataDirectory);
    EmbeddedDatabase database;
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("fsync", "on")
              // initdb's options for a new cluster; later options win over zonky's "-A trust"
              .setLocaleConfig("pwfile", credentials.ownerFile().toString())
              .setLocaleConfig("auth", "scram-sha-256")
              // zonky's readiness check connects as the superuser
              .setConnectConfig("password", credentials.ownerPassword())
              .start();
      database = new EmbeddedDatabase(postgres, port);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The embedded PostgreSQL did not start (is port " + port + " free?)", e);
    }
    try {
      database.secure(dataDirectory, credentials, appRole);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw new IllegalStateException(
          "The embedded PostgreSQL could not be secured: " + e.getMessage(), e);
    }
    LOG.info(() -> "Embedded PostgreSQL started on localhost:" + port);
    return database;
  }

  String url() {
    return DatabaseSettings.embeddedUrl(port);
  }

  private void secure(Path dataDirectory, EmbeddedCredentials credentials, String appRole)
      throws SQLException {
    try (Connection superuser =
        DriverManager.getConnection(url(), EmbeddedRoles.SUPERUSER, credentials.ownerPassword())) {
      EmbeddedRoles.secure(superuser, appRole, credentials);
      if (!requiresPasswords(dataDirectory)) {
        writeHba(dataDirectory);
        try (Statement statement = superuser.createStatement()) {
          statement.execute("select pg_reload_conf()");
        }
        LOG.info("The embedded PostgreSQL now requires a password from every connection");
      }
    }
    awaitNoTrust();
  }

  private static void writeHba(Path dataDirectory) {
    try {
      Path temp = Files.createTempFile(dataDirectory, "pg_hba", ".tmp");
      Files.writeString(temp, HBA);
      EmbeddedCredentials.restrictToOwner(temp);
      Files.move(temp, dataDirectory.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded database's pg_hba.conf", e);
    }
  }

  /**
   * The server reads a changed pg_hba.conf when it handles the reload signal: until then it may
   * still trust. Nothing else connects before this returns.
   */
  private void awaitNoTrust() throws SQLException {
    Instant deadline = Instant.now().plus(TRUST_GONE_BOUND);
    while (true) {
      try (Connection trusted = DriverManager.getConnection(url(), EmbeddedRoles.SUPERUSER, "")) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "the server still accepts connections without a password");
        }
      } catch (SQLException refused) {
        if (wantsPassword(refused)) {
          return;
        }
        throw refused;
      }
      pause();
    }
  }

  /**
   * A server left running by a previous process that was killed (its postmaster.pid names a live
   * process) holds the data directory; shut it down so this start can take over.
   */
  private static void stopOrphanedServer(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isReadable(pidFile)) {
      return;
    }
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .ifPresent(
            orphan -> {
              LOG.warning("Stopping an embedded PostgreSQL left running by an earlier start");
              orphan.destroy();
              try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
              } catch (Exception e) {
                orphan.destroyForcibly();
              }
            });
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      return Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The server refused the connection for want of a password (invalid_password or
   * invalid_authorization_specification), or the driver did on its behalf (connection rejected).
   */
  private static boolean wantsPassword(SQLException refused) {
    String state = refused.getSQLState();
    return state != null && (state.startsWith("28") || state.equals("08004"));
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while securing the embedded database", e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warning("The embedded PostgreSQL did not stop cleanly: " + LogSafe.describe(e));
    }
  }
}
