package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.cove.shared.CoveException;
import org.cove.shared.InvalidInputException;
import org.cove.shared.ProblemType;

/**
 * Unpacks the publish pod's tar stream into a fresh directory as it arrives, never holding it
 * whole: regular files only (links, devices and the like are skipped), every name checked before
 * anything is written under it, and the file bytes counted against the job's output quota while
 * they stream, so an upload past the quota stops at the quota. What is refused is refused with a
 * reason that names no server path: an upload is the caller's input.
 */
final class OutputsReceiver {

  static final ProblemType TOO_LARGE =
      new ProblemType("payload-too-large", 413, "The request body is too large");

  /** The most files one job may hand over: each costs an inode and a line in the result list. */
  static final int MAX_FILES = 10_000;

  private static final int MAX_NAME_BYTES = 255;
  private static final int MAX_PATH_CHARS = 1024;

  /** The outputs went past the job's quota: the job ends with status 42. */
  static final class QuotaExceeded extends CoveException {
    QuotaExceeded(String detail) {
      super(TOO_LARGE, detail);
    }
  }

  private final long maxBytes;
  private long bytes;
  private int files;

  OutputsReceiver(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Writes the entries of {@code tar} under {@code into}, which must exist and be empty. */
  void unpack(InputStream tar, Path into) throws IOException {
    TarArchiveInputStream entries = new TarArchiveInputStream(tar);
    TarArchiveEntry entry;
    while ((entry = next(entries)) != null) {
      if (!regular(entry)) {
        continue;
      }
      if (++files > MAX_FILES) {
        throw new QuotaExceeded("a job may hand over at most " + MAX_FILES + " output files");
      }
      Path target = target(into, entry.getName());
      Files.createDirectories(target.getParent());
      copy(entries, target);
    }
  }

  /** An upload that is not a tar stream, or breaks off, is the caller's fault. */
  private static TarArchiveEntry next(TarArchiveInputStream entries) {
    try {
      return entries.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("the outputs are not a readable tar stream");
    }
  }

  /** Plain files only: a symbolic or hard link names something outside what was uploaded. */
  private static boolean regular(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM)
        && !entry.getName().endsWith("/");
  }

  /** Where an entry goes: inside {@code into}, under a name no earlier entry took. */
  static Path target(Path into, String name) {
    String relative = name.startsWith("./") ? name.substring(2) : name;
    if (relative.isEmpty()
        || relative.length() > MAX_PATH_CHARS
        || relative.startsWith("/")
        || relative.indexOf('\\') >= 0
        || relative.indexOf('\0') >= 0) {
      throw badName();
    }
    for (String part : relative.split("/", -1)) {
      if (part.isEmpty()
          || part.equals(".")
          || part.equals("..")
          || part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw badName();
      }
    }
    Path target;
    try {
      target = into.resolve(relative).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw badName();
    }
    if (!target.startsWith(into) || target.equals(into)) {
      throw badName();
    }
    // a file where a directory is wanted (or the reverse) is a clash as well
    for (Path p = target.getParent(); !p.equals(into); p = p.getParent()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw clash();
      }
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw clash();
    }
    return target;
  }

  private void copy(InputStream entry, Path target) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      int n;
      while ((n = read(entry, buffer)) > 0) {
        bytes += n;
        if (bytes > maxBytes) {
          throw new QuotaExceeded("the outputs went past their limit of " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (FileAlreadyExistsException e) {
      throw clash();
    }
  }

  private static int read(InputStream entry, byte[] buffer) {
    try {
      return entry.read(buffer);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("the outputs are not a readable tar stream");
    }
  }

  private static InvalidInputException badName() {
    return new InvalidInputException(
        "an output's name must be a relative path inside the outputs directory");
  }

  private static InvalidInputException clash() {
    return new InvalidInputException("two outputs have the same name");
  }
}
