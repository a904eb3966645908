package org.cove.engine.internal.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.JobInputs;
import org.cove.shared.Did;

/**
 * Provides datasets from memory and the algorithm from the spec's raw code, as the provider would.
 */
public final class FakeInputs implements JobInputs {

  public final Map<Did, List<String>> datasets = new ConcurrentHashMap<>();
  public volatile boolean failDatasets;

  /** When set, fetching a dataset throws this (after {@link #failDatasets}, which wins). */
  public volatile IOException datasetFailure;

  /** When set, the provider no longer admits any job, for this reason. */
  public volatile String refusal;

  /** When set, fetching a dataset waits until the test counts it down. */
  public volatile java.util.concurrent.CountDownLatch gate;

  @Override
  public void writeDataset(JobSpec spec, JobSpec.Input input, Path directory) throws IOException {
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new java.io.InterruptedIOException("interrupted");
      }
    }
    if (failDatasets) {
      throw new IOException("connection refused by /secret/internal/host");
    }
    if (datasetFailure != null) {
      throw datasetFailure;
    }
    List<String> files = datasets.getOrDefault(input.did(), List.of("default content\n"));
    for (int i = 0; i < files.size(); i++) {
      Files.writeString(directory.resolve(String.valueOf(i)), files.get(i), StandardCharsets.UTF_8);
    }
  }

  @Override
  public Optional<String> refusal(JobSpec spec) {
    return Optional.ofNullable(refusal);
  }

  @Override
  public void writeAlgorithm(JobSpec spec, Path file) throws IOException {
    Files.writeString(file, spec.algorithm().rawCode().orElseThrow(), StandardCharsets.UTF_8);
  }
}
