package org.cove.provider.internal.files;

import java.util.regex.Pattern;
import org.cove.shared.InvalidInputException;

/**
 * File names as publishers give them: a plain name, never a path. A name with a separator, a parent
 * reference or a control character is refused rather than cleaned, so nobody is surprised.
 */
final class FileNames {

  private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\\\x00-\\x1f\\x7f]");

  private FileNames() {}

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
