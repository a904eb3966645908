package org.cove.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogSafeTest {

  private final Logger logger = Logger.getLogger("org.cove.shared.LogSafeTest");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/srv/cove/engine/jobs/0a1b/inputs/0|<path>",
        "cannot read /home/ana/.cove/uploads/x.csv: denied|cannot read <path>: denied",
        "under ~/.cove/keys|under <path>",
        "file:/srv/cove/keys/provider.key|<path>",
        "for URL: https://files.internal:8443/share/a.csv?sig=abc|for URL: <url>",
        "jdbc:postgresql://db:5432/cove?user=cove&password=hunter2|jdbc:<url>",
        "s3://bucket/key and ftp://u:p@host/f|<url> and <url>",
        "Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl|Authorization: Bearer <token>",
        "sent Bearer 3f9a.x and token: abc|sent Bearer <secret> and token: <secret>",
        "password=hunter2, next|password=<secret>, next",
        "the key 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318|the key <hex>",
      })
  void paths_urls_and_secrets_are_replaced(String raw, String safe) {
    assertThat(LogSafe.text(raw)).isEqualTo(safe);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Job 0123456789abcdef0123456789abcdef failed in the engine",
        "the owner 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266 and did:op:abc",
        "application/json over HTTP/1.1, and/or 3/4 of a PT1S backoff",
      })
  void ids_media_types_and_words_stay(String raw) {
    assertThat(LogSafe.text(raw)).isEqualTo(raw);
  }

  @Test
  void line_breaks_and_control_characters_are_escaped_so_no_line_can_be_forged() {
    assertThat(LogSafe.text("one\nSEVERE: forged\r\u0000\u202e\u2028"))
        .isEqualTo("one\\nSEVERE: forged\\r\\u0000\\u202e\\u2028")
        .doesNotContain("\n", "\r");
  }

  @Test
  void a_long_text_is_cut_and_says_how_long_it_was() {
    String text = LogSafe.text("x".repeat(100_000));

    assertThat(text)
        .hasSizeLessThan(LogSafe.MAX_TEXT + 40)
        .endsWith("… (100000 characters in all)");
  }

  @Test
  void a_path_a_file_system_exception_names_is_redacted_even_with_spaces() {
    NoSuchFileException missing =
        new NoSuchFileException("/srv/my cove/jobs/a", "/srv/my cove/jobs/b", "gone");

    assertThat(LogSafe.describe(missing)).isEqualTo("NoSuchFileException: <path> -> <path>: gone");
  }

  @Test
  void describe_names_the_causes_in_one_line() {
    Exception error =
        new UncheckedIOException(
            "reading https://files.internal/a.csv",
            new IOException("through /srv/cove/tmp", new UnknownHostException("files.internal")));

    assertThat(LogSafe.describe(error))
        .isEqualTo(
            "UncheckedIOException: reading <url>; caused by IOException: through <path>;"
                + " caused by UnknownHostException: <host>");
  }

  @Test
  void a_logged_exception_keeps_its_class_frames_and_causes_but_not_its_messages() {
    IOException cause = new NoSuchFileException("/srv/cove/uploads/3f/data.csv");
    IllegalStateException error =
        new IllegalStateException("fetching http://10.0.0.7/secret.csv failed", cause);
    error.addSuppressed(new IOException("closing /srv/cove/engine/jobs/x"));

    LogSafe.log(logger, Level.WARNING, "Job x failed at /srv/cove/engine", error);

    LogRecord record = records.get(0);
    assertThat(record.getLevel()).isEqualTo(Level.WARNING);
    assertThat(record.getMessage()).isEqualTo("Job x failed at <path>");
    String trace = trace(record.getThrown());
    assertThat(trace)
        .startsWith("java.lang.IllegalStateException: fetching <url> failed")
        .contains(
            "Caused by: java.nio.file.NoSuchFileException: <path>",
            "Suppressed: java.io.IOException: closing <path>",
            "at org.cove.shared.LogSafeTest.a_logged_exception_keeps_its_class_frames")
        .doesNotContain("/srv/cove", "10.0.0.7", "secret.csv");
    assertThat(record.getThrown().getStackTrace()).isEqualTo(error.getStackTrace());
  }

  @Test
  void a_cause_cycle_ends_and_a_null_message_shows_the_class_alone() {
    Exception first = new Exception((String) null);
    Exception second = new Exception("second", first);
    first.initCause(second);

    LogSafe.log(logger, Level.SEVERE, "cycle", first);

    assertThat(trace(records.get(0).getThrown()))
        .startsWith("java.lang.Exception\n")
        .contains("Caused by: java.lang.Exception: second");
    assertThat(LogSafe.describe(first)).isEqualTo("Exception; caused by Exception: second");
  }

  @Test
  void nothing_is_built_for_a_level_that_is_not_logged() {
    LogSafe.log(logger, Level.FINEST, "quiet", new IOException("/srv/cove"));

    assertThat(records).isEmpty();
  }

  private static String trace(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
