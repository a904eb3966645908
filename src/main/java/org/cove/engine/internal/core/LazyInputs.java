package org.cove.engine.internal.core;

import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.JobInputs;

/** The provider's inputs, resolved at each use: the engine deploys without a provider. */
public record LazyInputs(Instance<JobInputs> inputs) implements JobInputs {
  @Override
  public void writeDataset(JobSpec spec, JobSpec.Input input, Path directory) throws IOException {
    inputs.get().writeDataset(spec, input, directory);
  }

  @Override
  public void writeAlgorithm(JobSpec spec, Path file) throws IOException {
    inputs.get().writeAlgorithm(spec, file);
  }

  @Override
  public Optional<String> refusal(JobSpec spec) {
    return inputs.get().refusal(spec);
  }
}
