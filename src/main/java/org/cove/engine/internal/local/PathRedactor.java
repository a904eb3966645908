package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes host paths from what a consumer reads: an algorithm can learn where its job lives (from
 * /proc/self/mountinfo, for one) and print it. Each path, and its real path where a symbolic link
 * leads there, becomes {@code [redacted]}; longer paths are replaced first, so a job directory
 * inside the data directory disappears whole. Works on bytes read as ISO-8859-1, one char per byte,
 * so logs that are not valid UTF-8 come through unchanged apart from the paths.
 */
final class PathRedactor {

  static final String MARK = "[redacted]";

  private final List<String> paths;

  PathRedactor(List<Path> paths) {
    Set<String> all = new LinkedHashSet<>();
    for (Path path : paths) {
      all.add(path.toAbsolutePath().normalize().toString());
      try {
        all.add(path.toRealPath().toString());
      } catch (IOException e) {
        // gone or unreadable: its absolute form is still redacted
      }
    }
    all.removeIf(p -> p.equals("/") || p.isEmpty());
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.paths = List.copyOf(sorted);
  }

  /** The same redactor, also hiding {@code more} (a job's own directory). */
  PathRedactor with(Path more) {
    List<Path> all = new ArrayList<>(paths.stream().map(Path::of).toList());
    all.add(more);
    return new PathRedactor(all);
  }

  byte[] redact(byte[] content) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    for (String path : paths) {
      text = text.replace(latin1(path), MARK);
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  String redact(String text) {
    return new String(redact(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** Copies {@code source} to {@code target} with the paths removed, keeping at most max bytes. */
  long copy(Path source, Path target, long max) throws IOException {
    byte[] content;
    boolean truncated;
    try (var in = Files.newInputStream(source)) {
      content = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
      truncated = in.read() >= 0;
    }
    byte[] redacted = redact(content);
    if (truncated) {
      byte[] note = ("\n[log truncated at " + max + " bytes]\n").getBytes(StandardCharsets.UTF_8);
      byte[] joined = new byte[redacted.length + note.length];
      System.arraycopy(redacted, 0, joined, 0, redacted.length);
      System.arraycopy(note, 0, joined, redacted.length, note.length);
      redacted = joined;
    }
    Files.write(target, redacted);
    return redacted.length;
  }

  /** UTF-8 bytes of the path as ISO-8859-1 chars, matching how {@link #redact} reads content. */
  private static String latin1(String path) {
    return new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
