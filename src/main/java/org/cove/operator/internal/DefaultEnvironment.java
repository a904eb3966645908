package org.cove.operator.internal;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.ComputeEnvironment.FreeTier;
import org.cove.operator.ComputeEnvironment.Resource;

/**
 * The embedded default's one environment: free, sized for this machine. A job may use every core
 * and a quarter of the memory; at most two run at once, for at most an hour each.
 */
final class DefaultEnvironment {

  static final String ID = "local";

  private DefaultEnvironment() {}

  static ComputeEnvironment forThisMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    double ramGb = Math.max(1, Math.floor(physicalMemoryGb() / 4));
    List<Resource> resources =
        List.of(
            new Resource("cpu", "CPU cores", cores, 1, cores),
            new Resource("ram", "memory, GB", ramGb, 0.25, ramGb),
            new Resource("disk", "output space, GB", 10, 0.1, 10));
    return new ComputeEnvironment(
        ID,
        "This machine, sandboxed: free, no network",
        System.getProperty("os.arch"),
        "linux",
        resources,
        1,
        3600,
        2,
        604_800,
        false,
        Optional.empty(),
        Optional.of(new FreeTier(3600, 1, 2, resources)));
  }

  private static double physicalMemoryGb() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }
    return 4;
  }
}
