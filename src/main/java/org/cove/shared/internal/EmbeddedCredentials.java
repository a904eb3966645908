package org.cove.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded PostgreSQL's two passwords, generated on first start and kept in files only their
 * owner can read: the superuser's ({@code postgres}, which owns the schema and migrates it) and the
 * application role's (which Cove runs as). Base64url, so they need no quoting in SQL or in a pgpass
 * line.
 *
 * @param ownerFile the superuser's password file, also handed to initdb when it creates a cluster
 */
record EmbeddedCredentials(Path ownerFile, String ownerPassword, String appPassword) {

  static final String OWNER_FILE = "database-owner.password";
  static final String APP_FILE = "database-app.password";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The passwords in {@code keys}, created where missing. A cluster that already requires passwords
   * cannot be entered with new ones, so then a missing file stops the start with a clear reason.
   */
  static EmbeddedCredentials loadOrCreate(Path keys, boolean clusterRequiresPasswords) {
    Path owner = keys.resolve(OWNER_FILE);
    Path app = keys.resolve(APP_FILE);
    if (clusterRequiresPasswords && !(Files.isReadable(owner) && Files.isReadable(app))) {
      throw new IllegalStateException(
          "the embedded database requires passwords, and "
              + OWNER_FILE
              + " or "
              + APP_FILE
              + " is missing from the data directory's keys: restore them from a backup");
    }
    return new EmbeddedCredentials(owner, readOrCreate(owner), readOrCreate(app));
  }

  private static String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (!password.matches("[A-Za-z0-9_-]{20,}")) {
        throw new IllegalStateException(file.getFileName() + " does not hold a password");
      }
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create a database password file", e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".password", ".tmp");
    try {
      restrictToOwner(temp);
      byte[] secret = new byte[24];
      RANDOM.nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, file);
    } catch (FileAlreadyExistsException raced) {
      // another start created it first: use that one
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // a file system without POSIX permissions: the data directory's own protection applies
    }
  }

  @Override
  public String toString() {
    return "EmbeddedCredentials[passwords not shown]";
  }
}
