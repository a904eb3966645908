package org.cove.operator.spi;

import java.io.IOException;
import java.nio.file.Path;
import org.cove.operator.JobSpec;

/**
 * How an engine obtains a job's inputs without knowing the catalogue: the provider implements it,
 * decrypting file references and reading uploads or internal URLs. Both methods check again that
 * the job may still use the asset (it could have been disabled since the job was accepted).
 */
public interface JobInputs {

  /** Writes the dataset's files into {@code directory} as {@code 0}, {@code 1}, … */
  void writeDataset(JobSpec spec, JobSpec.Input input, Path directory) throws IOException;

  /** Writes the algorithm's code into {@code file}. */
  void writeAlgorithm(JobSpec spec, Path file) throws IOException;
}
