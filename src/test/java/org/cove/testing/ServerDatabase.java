package org.cove.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The embedded PostgreSQL of the server the integration tests started (port cove.it.db.port, data
 * in cove.it.data.dir), entered with the passwords the server generated into its data directory.
 */
public final class ServerDatabase {

  public static final String APP_ROLE = "cove_app";

  private ServerDatabase() {}

  public static String url() {
    return "jdbc:postgresql://localhost:" + System.getProperty("cove.it.db.port") + "/postgres";
  }

  /** A connection as the superuser, which owns Cove's schema; the caller closes it. */
  public static Connection superuser() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", password("database-owner.password"));
  }

  /** A connection as the role Cove runs as; the caller closes it. */
  public static Connection app() throws SQLException {
    return DriverManager.getConnection(url(), APP_ROLE, password("database-app.password"));
  }

  private static String password(String file) {
    Path keys = Path.of(System.getProperty("cove.it.data.dir", "target/it-data"), "keys");
    try {
      return Files.readString(keys.resolve(file)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("the server's database password is not in its data dir", e);
    }
  }
}
