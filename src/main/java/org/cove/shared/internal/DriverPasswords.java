package org.cove.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hands the application role's password to the PostgreSQL driver at connect time. The server's data
 * source names the user but no password (server.xml): the embedded server's password is generated
 * on first start, after Liberty read its configuration, and the driver, asked for no password,
 * looks it up in the pgpass file that {@code org.postgresql.pgpassfile} names whenever it opens a
 * connection. The pool connects lazily, so writing the file before the first connection is enough.
 * The file lives in a directory of its own that only Cove's user can enter, and is deleted when the
 * JVM exits. Only Cove's own passwords go there: an external database configured without {@code
 * COVE_DB_PASSWORD} leaves the driver to its usual pgpass lookup.
 */
final class DriverPasswords {

  static final String PGPASSFILE_PROPERTY = "org.postgresql.pgpassfile";

  private DriverPasswords() {}

  /** From now on, connections as {@code user} that name no password use {@code password}. */
  static void install(String user, String password) {
    try {
      Path directory = privateDirectory();
      directory.toFile().deleteOnExit();
      Path file = directory.resolve("pgpass");
      Files.createFile(file);
      file.toFile().deleteOnExit();
      EmbeddedCredentials.restrictToOwner(file);
      Files.writeString(file, line(user, password), StandardCharsets.UTF_8);
      System.setProperty(PGPASSFILE_PROPERTY, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand the database password to the driver", e);
    }
  }

  /** A pgpass line for any host, port and database: {@code :} and {@code \} escaped. */
  static String line(String user, String password) {
    return "*:*:*:" + escape(user) + ":" + escape(password) + "\n";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:");
  }

  private static Path privateDirectory() throws IOException {
    try {
      return Files.createTempDirectory(
          "cove-db-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createTempDirectory("cove-db-");
    }
  }
}
