package org.cove.provider.internal.files;

import java.net.URI;
import java.util.regex.Pattern;
import org.cove.shared.InvalidInputException;

/**
 * File names as publishers give them: a plain name, never a path. A name with a separator, a parent
 * reference or a control character is refused rather than cleaned, so nobody is surprised.
 */
final class FileNames {

  private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\\\x00-\\x1f\\x7f]");

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private FileNames() {}

  /** The last path segment of the URL, if it is a plain file name; else the fallback. */
  static String of(URI url, String fallback) {
    String path = url.getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return PLAIN.matcher(last).matches() && !last.startsWith("..") ? last : fallback;
  }

  static String check(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("a file name is required (?filename=...)");
    }
    String trimmed = name.trim();
    if (trimmed.length() > 255) {
      throw new InvalidInputException("a file name has at most 255 characters");
    }
    if (FORBIDDEN.matcher(trimmed).find()
        || trimmed.equals(".")
        || trimmed.equals("..")
        || trimmed.startsWith("..")) {
      throw new InvalidInputException("a file name is a plain name, not a path");
    }
    return trimmed;
  }
}
