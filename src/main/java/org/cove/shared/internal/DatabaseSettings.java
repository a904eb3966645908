package org.cove.shared.internal;

import java.util.Optional;

/**
 * Where the database is and who migrates it (cove.db.*), read once at start-up.
 *
 * @param migrationUser when set, migrations run as this (owning) role and Cove itself as {@code
 *     user}
 */
record DatabaseSettings(
    String url,
    int embeddedPort,
    String user,
    Optional<String> migrationUser,
    Optional<String> migrationPassword) {

  /** The embedded server runs unless a database URL other than its own is configured. */
  boolean isEmbedded() {
    return url == null || url.isBlank() || url.equals(embeddedUrl(embeddedPort));
  }

  static String embeddedUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }
}
