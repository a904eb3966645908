package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the host programs the engine runs (bwrap, prlimit, setpriv) and who Cove runs as. */
interface Tools {

  Optional<Path> find(String program);

  /** Whether Cove runs as root, and so must drop to the sandbox user itself. */
  boolean root();

  /** The machine's programs, looked up on PATH and in the usual system directories. */
  static Tools host() {
    return new Tools() {
      @Override
      public Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
          dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin"));
        return dirs.stream()
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, program))
            .filter(Files::isExecutable)
            .findFirst();
      }

      @Override
      public boolean root() {
        try {
          return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | RuntimeException e) {
          return "root".equals(System.getProperty("user.name"));
        }
      }
    };
  }
}
