package org.cove.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** secp256k1 private keys kept as hex in files only their owner can read. */
final class KeyFiles {

  private KeyFiles() {}

  static ECKeyPair fromHex(String hex) {
    String digits = hex.trim().startsWith("0x") ? hex.trim().substring(2) : hex.trim();
    if (!digits.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalStateException("a private key is 32 bytes in hex");
    }
    return ECKeyPair.create(new BigInteger(digits, 16));
  }

  static String toHex(ECKeyPair key) {
    return String.format("%064x", key.getPrivateKey());
  }

  /** The key in {@code file}, created with a fresh random key on first use. */
  static ECKeyPair loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return fromHex(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create a key file", e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".key", ".tmp");
    try {
      restrictToOwner(temp);
      Files.writeString(temp, toHex(Keys.createEcKeyPair()), StandardCharsets.US_ASCII);
      Files.move(temp, file);
    } catch (FileAlreadyExistsException raced) {
      // another start created it first: use that one
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no secure random source for a new key", e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // a file system without POSIX permissions: the data directory's own protection applies
    }
  }
}
