package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import org.cove.engine.internal.core.Trees;

/**
 * The job's {@code data/} directory on the host and who may touch what in it. Inputs, code and
 * runtime names belong to Cove and only the algorithm may read them (the sandbox binds them
 * read-only besides); the outputs belong to the algorithm's user, the only place it can write.
 */
final class JobFiles {

  private final OptionalInt sandboxUid;

  /** {@code sandboxUid}: the user algorithms run as, when Cove drops privileges to it. */
  JobFiles(OptionalInt sandboxUid) {
    this.sandboxUid = sandboxUid;
  }

  void createLayout(Path data) throws IOException {
    Trees.deleteRecursively(data);
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));
    for (String dir : new String[] {"inputs", "transformations", "outputs", "logs", "runtime"}) {
      Files.createDirectory(data.resolve(dir));
    }
    Files.setPosixFilePermissions(
        data.resolve("logs"), PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * Makes inputs, code and runtime names readable by the algorithm and nobody else: by the sandbox
   * user's group when Cove drops to it, else by Cove's own user, which the algorithm then runs as.
   * The outputs become the algorithm's own.
   */
  void handOver(Path data) throws IOException {
    for (String dir : new String[] {"inputs", "transformations", "runtime"}) {
      readableByAlgorithm(data.resolve(dir));
    }
    Path outputs = data.resolve("outputs");
    if (sandboxUid.isPresent()) {
      Files.setAttribute(outputs, "unix:uid", sandboxUid.getAsInt());
      Files.setAttribute(outputs, "unix:gid", sandboxUid.getAsInt());
    }
    Files.setPosixFilePermissions(outputs, PosixFilePermissions.fromString("rwx------"));
  }

  /** {@code runtime/python} → the mapped binary, and so on for each name of the runtime. */
  void linkRuntime(Path data, RuntimeMap.Runtime runtime) throws IOException {
    for (String name : runtime.names()) {
      Files.createSymbolicLink(data.resolve("runtime").resolve(name), runtime.binary());
    }
  }

  private void readableByAlgorithm(Path root) throws IOException {
    String dirs = sandboxUid.isPresent() ? "rwxr-x---" : "rwx------";
    String files = sandboxUid.isPresent() ? "rw-r-----" : "rw-------";
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            share(dir, dirs);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              share(file, files);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void share(Path path, String permissions) throws IOException {
    if (sandboxUid.isPresent()) {
      Files.setAttribute(path, "unix:gid", sandboxUid.getAsInt());
    }
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
  }
}
