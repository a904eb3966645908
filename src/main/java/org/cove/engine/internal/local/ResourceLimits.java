package org.cove.engine.internal.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command prefix that limits an algorithm: util-linux {@code prlimit} for address space, file
 * size, processes and core dumps, preceded when Cove runs as root by {@code setpriv}, which drops
 * to an unprivileged user. Without that drop the process limit counts the caller's processes
 * (root's are never limited), so a fork bomb is only stopped by the deadline. First of all, {@code
 * nice} lowers the algorithm's CPU priority: a busy algorithm must not slow the API's answers or
 * the engine's own work for everyone else; it still gets every cycle nobody else wants.
 */
record ResourceLimits(Path prlimit, Optional<Path> setpriv, int uid, Optional<Path> nice) {

  /** The niceness algorithms run at (0 is normal, 19 the lowest priority). */
  static final int NICENESS = 10;

  List<String> prefix(Launch.Limits limits) {
    List<String> argv = new ArrayList<>();
    nice.ifPresent(
        path -> {
          argv.add(path.toString());
          argv.add("-n");
          argv.add(String.valueOf(NICENESS));
        });
    setpriv.ifPresent(
        path -> {
          argv.add(path.toString());
          argv.add("--reuid=" + uid);
          argv.add("--regid=" + uid);
          argv.add("--clear-groups");
          argv.add("--");
        });
    argv.add(prlimit.toString());
    argv.add("--as=" + limits.memoryBytes());
    argv.add("--fsize=" + limits.fileBytes());
    argv.add("--nproc=" + limits.processes());
    argv.add("--core=0");
    argv.add("--");
    return argv;
  }

  /** Whether the algorithm runs as another user, who must own its outputs directory. */
  boolean dropsPrivileges() {
    return setpriv.isPresent();
  }
}
