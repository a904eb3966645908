package org.cove.shared.internal;

import java.util.Optional;

/**
 * Where the database is and who uses it (cove.db.*), read once at start-up.
 *
 * @param user the role Cove runs as
 * @param password its password; the embedded server generates its own
 * @param migrationUser when set, migrations run as this (owning) role and Cove itself as {@code
 *     user}; the embedded server migrates as its superuser
 */
record DatabaseSettings(
    String url,
    int embeddedPort,
    String user,
    Optional<String> password,
    Optional<String> migrationUser,
    Optional<String> migrationPassword) {

  /** A role and its password. */
  record Login(String user, String password) {
    @Override
    public String toString() {
      return "Login[" + user + "]";
    }
  }

  DatabaseSettings {
    password = nonBlank(password);
    migrationUser = nonBlank(migrationUser);
    migrationPassword = nonBlank(migrationPassword);
  }

  /** The embedded server runs unless a database URL other than its own is configured. */
  boolean isEmbedded() {
    return url == null || url.isBlank() || url.equals(embeddedUrl(embeddedPort));
  }

  /** The configured owner that migrates an external database, if it is not Cove's own role. */
  Optional<Login> migrationLogin() {
    return migrationUser.map(owner -> new Login(owner, migrationPassword.orElse("")));
  }

  /** Where migrations connect: the configured URL, or the embedded server's. */
  String migrationUrl() {
    return isEmbedded() ? embeddedUrl(embeddedPort) : url;
  }

  static String embeddedUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(v -> !v.isBlank());
  }
}
