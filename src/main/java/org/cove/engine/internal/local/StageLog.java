package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log a stage writes for the consumer (configuration, publish). Lines name DIDs, file names and
 * sizes, never host paths or the reasons inside exceptions, which may hold either.
 */
final class StageLog {

  private final Path file;

  StageLog(Path file) {
    this.file = file;
  }

  void line(String text) throws IOException {
    Files.writeString(
        file,
        text + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  Path file() {
    return file;
  }
}
