package org.cove.engine.internal.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an algorithm in a bubblewrap sandbox: new namespaces for everything (no network unless the
 * job allows it), no capabilities, an empty environment, a read-only root holding only /usr and a
 * few files of /etc, a private size-limited /tmp, the job's inputs and code read-only, and only its
 * outputs writable. {@code --die-with-parent} and the pid namespace mean that killing bwrap ends
 * every process the algorithm started.
 */
final class BubblewrapSandbox implements Sandbox {

  static final String DATA = "/data";
  static final String RUNTIME = "/opt/cove/runtime";

  private static final List<String> ETC =
      List.of("/etc/ld.so.cache", "/etc/localtime", "/etc/ssl", "/etc/alternatives");
  private static final List<String> ETC_NETWORK =
      List.of("/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf");

  private final Path bwrap;
  private final ResourceLimits limits;
  private final HostLayout host;

  BubblewrapSandbox(Path bwrap, ResourceLimits limits, HostLayout host) {
    this.bwrap = bwrap;
    this.limits = limits;
    this.host = host;
  }

  @Override
  public List<String> command(Launch launch) {
    List<String> argv = new ArrayList<>(limits.prefix(launch.limits()));
    argv.add(bwrap.toString());
    namespaces(argv, launch.network());
    root(argv, launch.network());
    argv.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    argv.addAll(List.of("--size", String.valueOf(launch.limits().tmpBytes()), "--tmpfs", "/tmp"));
    job(argv, launch);
    // Last, so that nothing the algorithm does can add files beside /tmp and /data/outputs.
    argv.addAll(List.of("--remount-ro", "/", "--chdir", DATA + "/outputs"));
    for (Map.Entry<String, String> variable : environmentInside(launch).entrySet()) {
      argv.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
    }
    argv.addAll(List.of("/bin/sh", "-c", launch.entrypoint()));
    return argv;
  }

  /** Only the locale-neutral minimum for bwrap itself; the algorithm's is set with --setenv. */
  @Override
  public Map<String, String> environment(Launch launch) {
    return Map.of("PATH", "/usr/bin:/bin");
  }

  @Override
  public boolean isolated() {
    return true;
  }

  static Map<String, String> environmentInside(Launch launch) {
    return AlgorithmEnvironment.of(launch, DATA, RUNTIME);
  }

  private static void namespaces(List<String> argv, boolean network) {
    argv.add("--unshare-all");
    if (network) {
      argv.add("--share-net");
    }
    argv.addAll(
        List.of(
            "--die-with-parent",
            "--new-session",
            "--cap-drop",
            "ALL",
            "--hostname",
            "sandbox",
            "--clearenv"));
  }

  private void root(List<String> argv, boolean network) {
    argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
    host.symlinks().forEach((path, target) -> argv.addAll(List.of("--symlink", target, path)));
    host.directories().forEach(path -> argv.addAll(List.of("--ro-bind", path, path)));
    for (String file : ETC) {
      argv.addAll(List.of("--ro-bind-try", file, file));
    }
    if (network) {
      for (String file : ETC_NETWORK) {
        argv.addAll(List.of("--ro-bind-try", file, file));
      }
    }
  }

  private static void job(List<String> argv, Launch launch) {
    argv.addAll(List.of("--ro-bind", launch.inputs().toString(), DATA + "/inputs"));
    argv.addAll(
        List.of("--ro-bind", launch.transformations().toString(), DATA + "/transformations"));
    argv.addAll(List.of("--bind", launch.outputs().toString(), DATA + "/outputs"));
    argv.addAll(List.of("--ro-bind", launch.runtime().toString(), RUNTIME));
  }
}
