package org.cove.shared;

import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may reach the server log of a text or an exception: no host path, URL or secret, no line
 * break, nothing unbounded. Exception messages say where files and datasets live ({@code
 * NoSuchFileException: /srv/cove/uploads/…}, {@code …for URL: https://files.internal/…}), so every
 * exception is logged through {@link #log}: its class names and stack frames (which hold class and
 * file names, never locations) as they are, its messages and those of its causes redacted.
 */
public final class LogSafe {

  /** The most characters of one text or one exception's message. */
  static final int MAX_TEXT = 500;

  /** How many causes (and suppressed exceptions of each) are logged. */
  static final int MAX_DEPTH = 8;

  private static final String PATH = "<path>";

  /** In this order: URLs hold paths and may hold credentials, so they go first. */
  private static final List<Redaction> REDACTIONS =
      List.of(
          new Redaction("\\b[A-Za-z][A-Za-z0-9+.-]*://\\S*", "<url>"),
          new Redaction("\\bfile:\\S*", PATH),
          new Redaction("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*", "<token>"),
          new Redaction("(?i)\\bbearer\\s+[^\\s<]\\S*", "Bearer <secret>"),
          new Redaction(
              "(?i)\\b(password|passwd|pwd|secret|token|api[-_]?key|private[-_]?key|credentials?"
                  + "|authorization)(\\s*[=:]\\s*)(?!bearer\\b)[^\\s,;&<]+",
              "$1$2<secret>"),
          // 32 bytes and more in hex: private keys and key material (job ids have 16, addresses 20)
          new Redaction("\\b(?:0x)?[0-9a-fA-F]{64,}\\b", "<hex>"),
          new Redaction("(?<![\\w.~/-])~?/[^\\s:;,'\"()\\[\\]<>]+", PATH));

  private LogSafe() {}

  /**
   * Logs {@code message} with {@code error}, both redacted; the one place Cove hands a logger an
   * exception (ArchitectureTest holds every other class to it).
   */
  public static void log(Logger logger, Level level, String message, Throwable error) {
    if (logger.isLoggable(level)) {
      logger.log(level, text(message), error == null ? null : redacted(error));
    }
  }

  /** One line naming an exception and its causes, for a log line that carries no stack trace. */
  public static String describe(Throwable error) {
    StringBuilder line = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable e = error; e != null && seen.add(e) && seen.size() <= MAX_DEPTH; ) {
      line.append(line.isEmpty() ? "" : "; caused by ").append(shown(e, false));
      e = e.getCause();
    }
    return line.toString();
  }

  /**
   * {@code raw} with host paths, URLs and secrets replaced, control characters escaped (a client's
   * text cannot start a log line of its own) and cut at {@link #MAX_TEXT} characters.
   */
  public static String text(String raw) {
    if (raw == null) {
      return "null";
    }
    // Bounded work: nothing past the cut is shown, however long the input.
    String redacted = raw.length() > 4 * MAX_TEXT ? raw.substring(0, 4 * MAX_TEXT) : raw;
    for (Redaction redaction : REDACTIONS) {
      redacted = redaction.apply(redacted);
    }
    String escaped = escaped(redacted);
    return escaped.length() <= MAX_TEXT
        ? escaped
        : escaped.substring(0, MAX_TEXT) + "… (" + raw.length() + " characters in all)";
  }

  /** The exception as its class and redacted message, or the file-system path it names. */
  private static String shown(Throwable e, boolean fullName) {
    String name = fullName ? e.getClass().getName() : e.getClass().getSimpleName();
    String message = e.getMessage();
    if (message == null) {
      return name;
    }
    if (e instanceof FileSystemException files) {
      message = without(without(message, files.getFile()), files.getOtherFile());
    } else if (e instanceof UnknownHostException) {
      message = "<host>";
    }
    return name + ": " + text(message);
  }

  private static String without(String message, String path) {
    return path == null || path.isEmpty() ? message : message.replace(path, PATH);
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                  if (Character.isISOControl(c)
                      || Character.getType(c) == Character.FORMAT
                      || c == '\u2028'
                      || c == '\u2029') {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }

  private static Throwable redacted(Throwable error) {
    return redacted(error, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
  }

  private static Throwable redacted(Throwable error, Set<Throwable> seen, int depth) {
    seen.add(error);
    Throwable cause = error.getCause();
    Redacted copy =
        new Redacted(
            shown(error, true),
            cause == null || seen.contains(cause) || depth >= MAX_DEPTH
                ? null
                : redacted(cause, seen, depth + 1));
    copy.setStackTrace(error.getStackTrace());
    Throwable[] suppressed = error.getSuppressed();
    for (int i = 0; i < Math.min(suppressed.length, MAX_DEPTH); i++) {
      if (!seen.contains(suppressed[i]) && depth < MAX_DEPTH) {
        copy.addSuppressed(redacted(suppressed[i], seen, depth + 1));
      }
    }
    return copy;
  }

  /**
   * An exception's stand-in in the log: printed as the original's class and redacted message, with
   * the original's frames, causes and suppressed exceptions (each redacted).
   */
  private static final class Redacted extends Exception {

    private static final long serialVersionUID = 1L;

    private final String shown;

    Redacted(String shown, Throwable cause) {
      super(shown, cause, true, true);
      this.shown = shown;
    }

    @Override
    public String toString() {
      return shown;
    }
  }

  private record Redaction(Pattern pattern, String replacement) {

    Redaction(String regex, String replacement) {
      this(Pattern.compile(regex), replacement);
    }

    String apply(String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
  }
}
