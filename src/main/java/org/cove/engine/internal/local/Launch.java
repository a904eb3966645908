package org.cove.engine.internal.local;

import java.nio.file.Path;
import java.util.List;
import org.cove.operator.JobSpec;

/**
 * One run of an algorithm as a sandbox sees it: the job's {@code data/} directory (inputs,
 * transformations, outputs, runtime), the dataset directory names, the algorithm's DID (empty for
 * raw code), the shell command to run, whether it may use the network, and its limits.
 */
record Launch(
    Path data,
    List<String> datasets,
    String transformationDid,
    String entrypoint,
    boolean network,
    Limits limits) {

  /** Resource limits: address space, largest file, processes, and the size of /tmp. */
  record Limits(long memoryBytes, long fileBytes, int processes, long tmpBytes) {}

  /**
   * The job's run: the image's default entrypoint where the algorithm names none, and the job's
   * {@code ram} and {@code disk} (GB) as its memory and file limits.
   */
  static Launch of(JobSpec spec, Path data, EngineSettings settings) {
    JobSpec.Container container = spec.algorithm().container();
    String entrypoint =
        container.entrypoint() == null || container.entrypoint().isBlank()
            ? settings
                .runtimes()
                .find(container.image(), container.tag())
                .orElseThrow()
                .defaultEntrypoint()
            : container.entrypoint();
    long memory = gigabytes(spec.amount("ram", 1));
    long disk = gigabytes(spec.amount("disk", 1));
    return new Launch(
        data,
        spec.datasets().stream().map(d -> d.did().hex()).toList(),
        spec.algorithm().did().map(did -> did.value()).orElse(""),
        entrypoint,
        spec.allowNetwork(),
        // /tmp is memory: it counts against the job's memory, not its disk
        new Limits(memory, disk, settings.maxProcesses(), memory));
  }

  private static long gigabytes(double amount) {
    return Math.max(1, (long) (amount * 1024 * 1024 * 1024));
  }

  Path inputs() {
    return data.resolve("inputs");
  }

  Path transformations() {
    return data.resolve("transformations");
  }

  Path outputs() {
    return data.resolve("outputs");
  }

  Path runtime() {
    return data.resolve("runtime");
  }
}
