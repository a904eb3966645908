package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.JobInputs;
import org.cove.shared.CoveException;
import org.cove.shared.LogSafe;

/**
 * The configure stage: lays out a fresh {@code data/} directory as Ocean's algorithms expect it
 * ({@code inputs/<did>/0…}, {@code inputs/algoCustomData.json}, {@code transformations/algorithm},
 * an empty {@code outputs/}), plus {@code runtime/}, the command names of the job's runtime. It
 * first asks the provider whether the job may still run: what was revoked while it was queued never
 * reaches it. Starting from an empty directory makes a repeat after a restart harmless.
 */
final class Configurer {

  private static final Logger LOG = Logger.getLogger(Configurer.class.getName());

  /**
   * Configured, or why not: a dataset (31) or the algorithm (32) could not be provided, or the
   * provider no longer admits the job (44, stopped before it ran).
   */
  record Outcome(Optional<JobStatus> failure, String message) {
    static Outcome configured() {
      return new Outcome(Optional.empty(), "configured");
    }

    static Outcome failed(JobStatus status, String message) {
      return new Outcome(Optional.of(status), message);
    }
  }

  private final JobInputs inputs;
  private final RuntimeMap runtimes;
  private final JobFiles files;

  Configurer(JobInputs inputs, RuntimeMap runtimes, JobFiles files) {
    this.inputs = inputs;
    this.runtimes = runtimes;
    this.files = files;
  }

  Outcome configure(JobSpec spec, Path data) throws IOException {
    files.createLayout(data);
    StageLog log = new StageLog(data.resolve("logs/configuration.log"));
    Optional<String> refused = inputs.refusal(spec);
    if (refused.isPresent()) {
      log.line("the provider no longer admits the job: " + refused.get());
      return Outcome.failed(JobStatus.STOPPED, refused.get());
    }
    for (JobSpec.Input input : spec.datasets()) {
      Optional<String> failure = fetchDataset(spec, input, data, log);
      if (failure.isPresent()) {
        return Outcome.failed(JobStatus.DATA_PROVISIONING_FAILED, failure.get());
      }
    }
    byte[] parameters = spec.algoCustomData().toString().getBytes(StandardCharsets.UTF_8);
    Files.write(data.resolve("inputs/algoCustomData.json"), parameters);
    log.line("consumer parameters: algoCustomData.json, " + parameters.length + " bytes");
    Optional<String> failure = fetchAlgorithm(spec, data, log);
    if (failure.isPresent()) {
      return Outcome.failed(JobStatus.ALGORITHM_PROVISIONING_FAILED, failure.get());
    }
    files.handOver(data);
    log.line("configured");
    return Outcome.configured();
  }

  private Optional<String> fetchDataset(JobSpec spec, JobSpec.Input input, Path data, StageLog log)
      throws IOException {
    Path directory = Files.createDirectories(data.resolve("inputs").resolve(input.did().hex()));
    try {
      inputs.writeDataset(spec, input, directory);
    } catch (IOException | RuntimeException e) {
      String why = "dataset " + input.did() + " could not be provided: " + reason(e);
      log.line(why);
      return Optional.of(why);
    }
    try (var entries = Files.list(directory)) {
      long[] count = {0};
      long bytes = entries.peek(f -> count[0]++).mapToLong(f -> f.toFile().length()).sum();
      log.line("dataset " + input.did() + ": " + count[0] + " file(s), " + bytes + " bytes");
    }
    return Optional.empty();
  }

  private Optional<String> fetchAlgorithm(JobSpec spec, Path data, StageLog log)
      throws IOException {
    JobSpec.Container container = spec.algorithm().container();
    Optional<RuntimeMap.Runtime> runtime = runtimes.find(container.image(), container.tag());
    if (runtime.isEmpty()) {
      String why = "no local runtime runs image " + container.image() + ":" + container.tag();
      log.line(why);
      return Optional.of(why);
    }
    Path code = data.resolve("transformations/algorithm");
    try {
      inputs.writeAlgorithm(spec, code);
    } catch (IOException | RuntimeException e) {
      String why = "algorithm " + spec.algorithm().label() + " could not be provided: " + reason(e);
      log.line(why);
      return Optional.of(why);
    }
    files.linkRuntime(data, runtime.get());
    log.line(
        "algorithm "
            + spec.algorithm().label()
            + ": "
            + Files.size(code)
            + " bytes, runs as "
            + String.join("/", runtime.get().names()));
    return Optional.empty();
  }

  /** What the consumer may read about a failure; the details go to the server log only. */
  private static String reason(Exception e) {
    if (e instanceof CoveException cove) {
      return cove.detail();
    }
    LogSafe.log(LOG, Level.WARNING, "Providing a job input failed", e);
    return "the provider could not read it";
  }
}
