package org.cove.engine.internal.local;

import java.nio.file.Path;
import java.util.List;

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
