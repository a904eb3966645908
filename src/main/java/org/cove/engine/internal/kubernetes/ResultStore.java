package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobId;
import org.cove.operator.ResultType;
import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/**
 * Where a job's results live once its pods are gone: {@code <root>/<job>/outputs/} as the publish
 * pod handed them over, and {@code logs/} with each stage's pod log. The directory is on the volume
 * every Cove replica mounts, so any replica serves downloads. Results are listed as the local
 * engine lists them: the outputs by path, then the algorithm, configuration and publish logs.
 */
final class ResultStore {

  static final Map<Stage, String> LOG_FILES =
      Map.of(
          Stage.CONFIGURE, "configuration.log",
          Stage.ALGORITHM, "algorithm.log",
          Stage.PUBLISH, "publish.log");

  /** How much of a pod's log is kept, as the local engine keeps of its logs. */
  static final int LOG_MAX_BYTES = 10 * 1024 * 1024;

  private final Path root;
  private final long logMaxBytes;

  ResultStore(Path root, long logMaxBytes) {
    this.root = root;
    this.logMaxBytes = logMaxBytes;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the result store", e);
    }
  }

  /** Replaces the stored log of a stage (a repeat after a restart writes the same). */
  void saveLog(JobId id, Stage stage, InputStream log) throws IOException {
    Path logs = Files.createDirectories(job(id).resolve("logs"));
    Path temporary = logs.resolve("." + UUID.randomUUID());
    try (InputStream in = log) {
      Files.write(temporary, in.readNBytes((int) Math.min(logMaxBytes, Integer.MAX_VALUE - 8)));
    }
    Files.move(temporary, logs.resolve(LOG_FILES.get(stage)), StandardCopyOption.REPLACE_EXISTING);
  }

  boolean hasLog(JobId id, Stage stage) {
    return Files.isRegularFile(job(id).resolve("logs").resolve(LOG_FILES.get(stage)));
  }

  /**
   * Takes the outputs as a tar stream (see {@link OutputsReceiver}) into a directory of their own,
   * which becomes the job's outputs in one rename once the stream is whole: a refused, broken or
   * over-quota upload leaves nothing behind, and the outputs are handed over once only.
   */
  void receiveOutputs(JobId id, InputStream tar, long maxBytes) throws IOException {
    Path job = Files.createDirectories(job(id));
    Path outputs = job.resolve("outputs");
    if (Files.exists(outputs, LinkOption.NOFOLLOW_LINKS)) {
      throw alreadyReceived();
    }
    Path incoming = job.resolve(".outputs-" + UUID.randomUUID());
    Files.createDirectories(incoming);
    try {
      new OutputsReceiver(maxBytes).unpack(tar, incoming);
      // no REPLACE_EXISTING: of two uploads racing (on two replicas even), one wins
      Files.move(incoming, outputs);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      throw alreadyReceived();
    } catch (FileSystemException e) {
      // its message names the file: say why without where (a full volume, most likely)
      throw new IOException("the outputs of job " + id + " could not be stored: " + e.getReason());
    } finally {
      Trees.deleteRecursively(incoming);
    }
  }

  private static CoveException alreadyReceived() {
    return new CoveException(ProblemType.CONFLICT, "the job's outputs were already handed over");
  }

  /** The results as the job lists them. */
  List<ComputeJobStatus.Result> results(JobId id) throws IOException {
    List<ComputeJobStatus.Result> results = new ArrayList<>();
    Path outputs = job(id).resolve("outputs");
    for (Map.Entry<String, Long> output : outputs(outputs).entrySet()) {
      results.add(result(results.size(), ResultType.OUTPUT, output.getKey(), output.getValue()));
    }
    for (Stage stage : List.of(Stage.ALGORITHM, Stage.CONFIGURE, Stage.PUBLISH)) {
      Path log = job(id).resolve("logs").resolve(LOG_FILES.get(stage));
      if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
        results.add(
            result(results.size(), logType(stage), log.getFileName().toString(), size(log)));
      }
    }
    return results;
  }

  InputStream open(JobId id, ResultType type, String filename) throws IOException {
    Path base = type == ResultType.OUTPUT ? job(id).resolve("outputs") : job(id).resolve("logs");
    Path file = base.resolve(filename).normalize();
    if (!file.startsWith(base)) {
      throw new IOException("not a result");
    }
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }

  Path log(JobId id, Stage stage) {
    return job(id).resolve("logs").resolve(LOG_FILES.get(stage));
  }

  void delete(JobId id) throws IOException {
    Trees.deleteRecursively(job(id));
  }

  private Path job(JobId id) {
    return root.resolve(id.value());
  }

  private static Map<String, Long> outputs(Path outputs) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    if (!Files.isDirectory(outputs, LinkOption.NOFOLLOW_LINKS)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(outputs)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          files.put(outputs.relativize(file).toString().replace('\\', '/'), size(file));
        }
      }
    }
    return files;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResultType logType(Stage stage) {
    return switch (stage) {
      case CONFIGURE -> ResultType.CONFIGURATION_LOG;
      case ALGORITHM -> ResultType.ALGORITHM_LOG;
      case PUBLISH -> ResultType.PUBLISH_LOG;
    };
  }

  private static ComputeJobStatus.Result result(
      int index, ResultType type, String filename, long size) {
    ComputeJobStatus.Result result = new ComputeJobStatus.Result();
    result.index = index;
    result.type = type.wireName();
    result.filename = filename;
    result.filesize = size;
    return result;
  }
}
