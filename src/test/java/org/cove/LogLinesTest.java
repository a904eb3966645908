package org.cove;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the compiled classes cannot show ArchitectureTest: a log line built from an exception's
 * message or its {@code toString()}, which name files and URLs. Such a line says {@code
 * LogSafe.describe(e)} instead (or logs {@code e} through {@code LogSafe.log}).
 */
class LogLinesTest {

  private static final Path SOURCES = Path.of("src/main/java");

  /** A logging call: {@code LOG.warning(}, {@code Logger.getLogger(…).log(}. */
  private static final Pattern LOG_CALL =
      Pattern.compile(
          "(?:\\bLOG|getLogger\\([^)]*\\))\\s*\\.\\s*"
              + "(?:log|logp|severe|warning|info|config|fine|finer|finest)\\s*\\(");

  private static final Pattern CATCH =
      Pattern.compile(
          "catch\\s*\\(\\s*(?:final\\s+)?[\\w.]+(?:\\s*\\|\\s*[\\w.]+)*\\s+(\\w+)\\s*\\)");

  @Test
  void no_log_line_carries_an_exception_message() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (String call : logCalls(source)) {
          if (rawException(call, caught(source))) {
            offending.add(SOURCES.relativize(file) + ": " + call.replaceAll("\\s+", " "));
          }
        }
      }
    }
    assertThat(offending).as("log lines built from an exception's own text").isEmpty();
  }

  @Test
  void the_check_finds_what_it_is_for() {
    String source =
        """
        try { x(); } catch (IOException | RuntimeException e) {
          LOG.warning("failed: " + e.getMessage());
          LOG.info(() -> "failed: " + e);
          LOG.severe("ok: " + LogSafe.describe(e));
        }
        """;

    assertThat(logCalls(source)).filteredOn(call -> rawException(call, caught(source))).hasSize(2);
  }

  static boolean rawException(String call, Set<String> caught) {
    if (call.contains("getMessage()") || call.contains("getLocalizedMessage()")) {
      return true;
    }
    return caught.stream()
        .anyMatch(
            name ->
                Pattern.compile("\\+\\s*" + name + "\\b(?!\\s*\\.)|\\b" + name + "\\.toString\\(")
                    .matcher(call)
                    .find());
  }

  static Set<String> caught(String source) {
    Matcher matcher = CATCH.matcher(source);
    List<String> names = new ArrayList<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return Set.copyOf(names);
  }

  /** Each logging call's text up to its closing parenthesis, string literals skipped over. */
  static List<String> logCalls(String source) {
    List<String> calls = new ArrayList<>();
    Matcher matcher = LOG_CALL.matcher(source);
    while (matcher.find()) {
      int depth = 1;
      int i = matcher.end();
      while (i < source.length() && depth > 0) {
        char c = source.charAt(i);
        if (c == '"') {
          i = source.indexOf('"', i + 1 + (source.startsWith("\"\"", i + 1) ? 2 : 0));
          while (i > 0 && source.charAt(i - 1) == '\\') {
            i = source.indexOf('"', i + 1);
          }
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        i++;
      }
      calls.add(source.substring(matcher.start(), i));
    }
    return calls;
  }
}
