package org.cove.engine.internal.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobResult;
import org.cove.operator.ResultType;

/**
 * The publish stage: copies what the consumer gets into the job's {@code results/} directory, as
 * {@code results/<index>}: every regular file under the outputs, then the algorithm, configuration
 * and publish logs, numbered over the files that exist. Anything else in the outputs (a symbolic
 * link to a file the algorithm could not read, a fifo, a device) is skipped and named in the
 * publish log. Logs are redacted of host paths; the algorithm log is capped. Starting from an empty
 * {@code results/} makes a repeat after a restart harmless.
 */
final class Publisher {

  private final PathRedactor redactor;
  private final long logMaxBytes;

  Publisher(PathRedactor redactor, long logMaxBytes) {
    this.redactor = redactor;
    this.logMaxBytes = logMaxBytes;
  }

  List<JobResult> publish(Path job) throws IOException {
    Path data = job.resolve("data");
    Path results = job.resolve("results");
    Trees.deleteRecursively(results);
    Files.createDirectories(results);
    Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(data.resolve("logs"));
    StageLog log = new StageLog(data.resolve("logs/publish.log"));
    PathRedactor redact = redactor.with(job);
    List<JobResult> published = new ArrayList<>();
    for (Map.Entry<String, BasicFileAttributes> entry :
        outputs(data.resolve("outputs")).entrySet()) {
      String name = entry.getKey();
      if (entry.getValue() == null || !entry.getValue().isRegularFile()) {
        log.line("skipped " + name + ": " + kind(entry.getValue()) + ", not a regular file");
        continue;
      }
      Path target = results.resolve(String.valueOf(published.size()));
      // the algorithm has ended, but still: never open through a link
      try (InputStream in =
          Files.newInputStream(data.resolve("outputs").resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        long size = Files.copy(in, target);
        published.add(new JobResult(published.size(), ResultType.OUTPUT, name, size));
        log.line("output " + name + ": " + size + " bytes");
      }
    }
    addLog(
        published,
        data.resolve("logs/algorithm.log"),
        results,
        ResultType.ALGORITHM_LOG,
        redact,
        logMaxBytes);
    addLog(
        published,
        data.resolve("logs/configuration.log"),
        results,
        ResultType.CONFIGURATION_LOG,
        redact,
        Long.MAX_VALUE);
    log.line("published " + published.size() + " file(s) and this log");
    addLog(published, log.file(), results, ResultType.PUBLISH_LOG, redact, Long.MAX_VALUE);
    return published;
  }

  private static void addLog(
      List<JobResult> published,
      Path source,
      Path results,
      ResultType type,
      PathRedactor redact,
      long max)
      throws IOException {
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path target = results.resolve(String.valueOf(published.size()));
    long size = redact.copy(source, target, max);
    published.add(new JobResult(published.size(), type, source.getFileName().toString(), size));
  }

  /**
   * Every entry below the outputs except directories, by relative path, links not followed; an
   * entry that cannot be read has no attributes.
   */
  private static Map<String, BasicFileAttributes> outputs(Path outputs) throws IOException {
    Map<String, BasicFileAttributes> entries = new TreeMap<>();
    if (!Files.isDirectory(outputs, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    Files.walkFileTree(
        outputs,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            entries.put(relative(outputs, file), attrs);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            entries.put(relative(outputs, file), null);
            return FileVisitResult.CONTINUE;
          }
        });
    return entries;
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static String kind(BasicFileAttributes attrs) {
    if (attrs == null) {
      return "unreadable";
    }
    return attrs.isSymbolicLink() ? "a symbolic link" : "a special file";
  }
}
