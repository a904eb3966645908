package org.cove.engine.internal.local;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state directory's JSON files, each written atomically: a temporary file forced to disk, then
 * renamed over the old one, so a crash leaves either the old content or the new.
 */
final class JsonFiles {

  private JsonFiles() {}

  static JsonObject read(Path file) throws IOException {
    try (JsonReader reader = JSON.createReader(Files.newBufferedReader(file))) {
      return reader.readObject();
    }
  }

  static void write(Path file, JsonObject json) throws IOException {
    Path temporary = temporaryFor(file);
    Files.deleteIfExists(temporary); // left by a write that a crash interrupted
    replace(file, temporary, json);
  }

  /** Writes a file in a directory just created: no temporary from an interrupted write is there. */
  static void writeNew(Path file, JsonObject json) throws IOException {
    replace(file, temporaryFor(file), json);
  }

  private static Path temporaryFor(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /**
   * Writes the JSON to {@code temporary} (a new file, readable by Cove alone: the spec holds the
   * consumer's code and parameters), forces it to disk, then puts it in place of {@code file} in
   * one step.
   */
  private static void replace(Path file, Path temporary, JsonObject json) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ByteBuffer bytes = ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
