package org.cove.engine.internal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an algorithm without isolation ({@code cove.local.sandbox=none}): still under resource
 * limits and the deadline, as another user when Cove runs as root, but it sees the host's files and
 * network. Only for machines where bubblewrap cannot run and every algorithm is trusted.
 */
final class UnsandboxedProcess implements Sandbox {

  private final ResourceLimits limits;

  UnsandboxedProcess(ResourceLimits limits) {
    this.limits = limits;
  }

  @Override
  public List<String> command(Launch launch) {
    List<String> argv = new ArrayList<>(limits.prefix(launch.limits()));
    argv.addAll(List.of("/bin/sh", "-c", launch.entrypoint()));
    return argv;
  }

  @Override
  public Map<String, String> environment(Launch launch) {
    return AlgorithmEnvironment.of(launch, launch.data().toString(), launch.runtime().toString());
  }

  @Override
  public boolean isolated() {
    return false;
  }
}
