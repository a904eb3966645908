package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.JobInputs;

/**
 * What the configure pod fetches, laid out as Ocean's algorithms expect it: the provider writes the
 * datasets into a scratch directory (as it does for the local engine), and they leave as a tar
 * stream of {@code inputs/<did>/<n>} plus {@code inputs/algoCustomData.json}; the algorithm's code
 * leaves as it is. The scratch directory is gone when the call returns.
 */
final class StageFiles {

  private final JobInputs inputs;
  private final Path scratch;

  StageFiles(JobInputs inputs, Path scratch) {
    this.inputs = inputs;
    this.scratch = scratch;
  }

  void writeDatasets(JobSpec spec, OutputStream out) throws IOException {
    Path directory = Files.createTempDirectory(Files.createDirectories(scratch), "inputs");
    try {
      TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (JobSpec.Input input : spec.datasets()) {
        Path dataset = Files.createDirectories(directory.resolve(input.did().hex()));
        inputs.writeDataset(spec, input, dataset);
        try (Stream<Path> files = Files.list(dataset)) {
          for (Path file : files.sorted().toList()) {
            add(tar, "inputs/" + input.did().hex() + "/" + file.getFileName(), file);
          }
        }
      }
      byte[] parameters = spec.algoCustomData().toString().getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("inputs/algoCustomData.json");
      entry.setSize(parameters.length);
      entry.setMode(0444);
      tar.putArchiveEntry(entry);
      tar.write(parameters);
      tar.closeArchiveEntry();
      tar.finish();
      tar.flush();
    } finally {
      Trees.deleteRecursively(directory);
    }
  }

  void writeAlgorithm(JobSpec spec, OutputStream out) throws IOException {
    Path directory = Files.createTempDirectory(Files.createDirectories(scratch), "algorithm");
    try {
      Path code = directory.resolve("algorithm");
      inputs.writeAlgorithm(spec, code);
      Files.copy(code, out);
      out.flush();
    } finally {
      Trees.deleteRecursively(directory);
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, Path file) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(Files.size(file));
    entry.setMode(0444);
    tar.putArchiveEntry(entry);
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }
}
