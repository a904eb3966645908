package org.cove.api.internal;

import java.util.Optional;

/**
 * Text a client sent: whether PostgreSQL can store it, and how to show a piece of it in an answer
 * or a log line without carrying it whole.
 */
final class ClientText {

  private ClientText() {}

  /**
   * What in the text cannot be stored, if anything. PostgreSQL's text and jsonb cannot hold U+0000,
   * and a surrogate without its pair has no UTF-8 form; refused where they arrive, they are named,
   * instead of failing at the database (a 500) or being replaced silently.
   */
  static Optional<String> unstorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return Optional.of("holds U+0000, which cannot be stored");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("holds an unpaired surrogate, which cannot be stored");
      }
    }
    return Optional.empty();
  }

  /**
   * At most {@code max} characters of the text, printable ASCII as it is and anything else as a
   * {@code \\uXXXX} escape, so that it can carry neither control codes nor its whole length.
   */
  static String excerpt(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < max; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > max) {
      out.append("...");
    }
    return out.toString();
  }
}
