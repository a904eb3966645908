package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.EngineHealth;
import org.cove.shared.LogSafe;

/**
 * Decides, once at start, how algorithms will run here: in bubblewrap (when it is installed and
 * works: a real sandbox is started to find out), unsandboxed when so configured (with a warning for
 * everyone to see), or not at all, with a reason an operator can act on. Reasons never name host
 * paths; those go to the server log.
 */
final class SandboxCheck {

  private static final Logger LOG = Logger.getLogger(SandboxCheck.class.getName());

  static final String UNSANDBOXED_WARNING =
      "Algorithms run WITHOUT a sandbox on this server (COVE_LOCAL_SANDBOX=none): they can read"
          + " its files and use its network. Only run algorithms you trust.";

  /** The verdict: the health to report, and the sandbox and sandbox user when jobs can run. */
  record Setup(EngineHealth health, Optional<Sandbox> sandbox, OptionalInt sandboxUid) {
    static Setup refused(String why) {
      return new Setup(
          new EngineHealth(false, Optional.of(why), Optional.empty()),
          Optional.empty(),
          OptionalInt.empty());
    }
  }

  private SandboxCheck() {}

  static Setup inspect(EngineSettings settings, Path stateDirectory, Tools tools) {
    Optional<Path> prlimit = tools.find("prlimit");
    if (prlimit.isEmpty()) {
      return Setup.refused(
          "The local engine needs prlimit (util-linux) to limit algorithms and it is not installed.");
    }
    Optional<Path> setpriv = Optional.empty();
    if (tools.root()) {
      setpriv = tools.find("setpriv");
      if (setpriv.isEmpty()) {
        return Setup.refused(
            "Cove runs as root, so the local engine needs setpriv (util-linux) to run algorithms"
                + " as an unprivileged user, and it is not installed.");
      }
      letThrough(stateDirectory.getParent(), role(1));
      letThrough(stateDirectory, role(0));
      if (!searchableByOthers(stateDirectory)) {
        return Setup.refused(
            "The sandbox user cannot reach the engine's directory: the data directory and every"
                + " directory above it must be searchable by others (chmod o+x). See the server log.");
      }
    }
    ResourceLimits limits =
        new ResourceLimits(prlimit.get(), setpriv, settings.sandboxUid(), tools.find("nice"));
    OptionalInt uid =
        setpriv.isPresent() ? OptionalInt.of(settings.sandboxUid()) : OptionalInt.empty();
    if (settings.sandbox() == SandboxMode.NONE) {
      return new Setup(
          new EngineHealth(true, Optional.empty(), Optional.of(UNSANDBOXED_WARNING)),
          Optional.of(new UnsandboxedProcess(limits)),
          uid);
    }
    Optional<Path> bwrap = tools.find("bwrap");
    if (bwrap.isEmpty()) {
      return Setup.refused(
          "The local engine runs algorithms in a bubblewrap sandbox and bubblewrap (bwrap) is not"
              + " installed: install it (apt-get install bubblewrap), or set"
              + " COVE_LOCAL_SANDBOX=none to run algorithms unsandboxed, trusting every one.");
    }
    if (!sandboxStarts(limits, bwrap.get())) {
      return Setup.refused(
          "bubblewrap cannot create a sandbox on this machine (are unprivileged user namespaces"
              + " disabled?); see the server log.");
    }
    return new Setup(
        EngineHealth.ready(),
        Optional.of(new BubblewrapSandbox(bwrap.get(), limits, HostLayout.probe())),
        uid);
  }

  /** Runs {@code true} in the same kind of sandbox the algorithms get. */
  private static boolean sandboxStarts(ResourceLimits limits, Path bwrap) {
    List<String> argv =
        new ArrayList<>(limits.prefix(new Launch.Limits(1L << 30, 1L << 20, 64, 1 << 20)));
    argv.addAll(
        List.of(bwrap.toString(), "--unshare-all", "--die-with-parent", "--cap-drop", "ALL"));
    argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
    HostLayout.probe()
        .symlinks()
        .forEach((path, target) -> argv.addAll(List.of("--symlink", target, path)));
    argv.add("/usr/bin/true");
    try {
      Process probe = new ProcessBuilder(argv).redirectErrorStream(true).start();
      probe.getOutputStream().close();
      String output = new String(probe.getInputStream().readAllBytes());
      if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        LOG.severe("bubblewrap could not start a sandbox: " + LogSafe.text(output.trim()));
        probe.destroyForcibly();
        return false;
      }
      return true;
    } catch (IOException e) {
      LogSafe.log(LOG, Level.SEVERE, "bubblewrap could not start a sandbox", e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Lets others pass through (never list) the data directory and the engine's own: servers such as
   * Liberty run with umask 027, which would keep the sandbox user out of every job. What lies
   * inside keeps its own permissions (the keys directory is its owner's alone). The log names
   * directories by their role, never by their location.
   */
  private static void letThrough(Path directory, String role) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
      if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
        Files.setPosixFilePermissions(directory, permissions);
        LOG.info(role + " is now searchable (not listable) by the sandbox user");
      }
    } catch (IOException e) {
      LOG.warning("Cannot let the sandbox user through " + role + ": " + e.getClass().getName());
    }
  }

  private static boolean searchableByOthers(Path directory) {
    int level = 0;
    for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent(), level++) {
      try {
        if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          LOG.severe(
              role(level)
                  + " is not searchable by others (chmod o+x), so sandboxed algorithms cannot"
                  + " reach their files");
          return false;
        }
      } catch (IOException e) {
        LOG.severe("Cannot read the permissions of " + role(level) + ": " + e.getClass().getName());
        return false;
      }
    }
    return true;
  }

  /** A directory on the engine directory's path by its role: the log never names a location. */
  private static String role(int levelsAboveEngine) {
    return switch (levelsAboveEngine) {
      case 0 -> "the engine's directory";
      case 1 -> "the data directory";
      case 2 -> "the directory holding the data directory";
      default -> "the directory " + (levelsAboveEngine - 1) + " levels above the data directory";
    };
  }
}
