package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the host lays out {@code /bin}, {@code /lib} and {@code /lib64} next to {@code /usr}: as
 * symbolic links into it (merged /usr, as on Debian 12) or as directories of their own. The sandbox
 * mirrors whatever exists, so binaries find their interpreter and libraries.
 */
record HostLayout(Map<String, String> symlinks, List<String> directories) {

  static final List<String> TOP_LEVEL = List.of("/bin", "/lib", "/lib64");

  HostLayout {
    symlinks = Map.copyOf(symlinks);
    directories = List.copyOf(directories);
  }

  /** Debian 12 and most current distributions. */
  static HostLayout mergedUsr() {
    return new HostLayout(
        orderedOf("/bin", "usr/bin", "/lib", "usr/lib", "/lib64", "usr/lib64"), List.of());
  }

  static HostLayout probe() {
    Map<String, String> symlinks = new LinkedHashMap<>();
    List<String> directories = new java.util.ArrayList<>();
    for (String entry : TOP_LEVEL) {
      Path path = Path.of(entry);
      try {
        if (Files.isSymbolicLink(path)) {
          symlinks.put(entry, Files.readSymbolicLink(path).toString());
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          directories.add(entry);
        }
      } catch (IOException e) {
        // unreadable: the sandbox simply goes without it
      }
    }
    return new HostLayout(symlinks, directories);
  }

  private static Map<String, String> orderedOf(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
