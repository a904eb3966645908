package org.cove.operator.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
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

  /**
   * Why the job may no longer run, in words for its consumer, or empty while the provider would
   * still admit it (its assets usable, its algorithm allowed on its datasets). Engines ask as the
   * job leaves the queue, before anything of it runs, and end a refused job stopped (44) with this
   * reason: a job admitted just before a revocation committed, and registered after the revocation
   * looked for the jobs it concerns, is caught there.
   */
  Optional<String> refusal(JobSpec spec);
}
