package org.cove.shared.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDirectory, int port) {
    stopOrphanedServer(dataDirectory);
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("fsync", "on")
              .start();
      LOG.info(() -> "Embedded PostgreSQL started on localhost:" + port);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The embedded PostgreSQL did not start (is port " + port + " free?)", e);
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

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warning("The embedded PostgreSQL did not stop cleanly: " + LogSafe.describe(e));
    }
  }
}
