package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientTextTest {

  /** What a hostile client sends: a megabyte of text, a top-level array 500 deep. */
  private static final String MEGABYTE = "a".repeat(1_000_000);

  private static final String DEEP_ARRAY = "[".repeat(500) + "]".repeat(500);

  @Test
  void an_excerpt_of_hostile_text_is_bounded_and_quick() {
    long started = System.nanoTime();
    String ofMegabyte = ClientText.excerpt(MEGABYTE, 80);
    String ofDeepArray = ClientText.excerpt(DEEP_ARRAY, 80);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(ofMegabyte).hasSize(83).endsWith("...").startsWith("aaaa");
    assertThat(ofDeepArray).isEqualTo("[".repeat(80) + "...");
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void an_excerpt_escapes_control_codes_and_non_ascii_so_it_cannot_colour_or_break_a_line() {
    String excerpt = ClientText.excerpt("red\u001b[31m\r\nnext\u0000é", 100);

    assertThat(excerpt).isEqualTo("red\\u001b[31m\\u000d\\u000anext\\u0000\\u00e9");
    assertThat(excerpt.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void an_excerpt_of_escapes_stays_within_six_characters_for_each_one_shown() {
    String excerpt = ClientText.excerpt("\u001b".repeat(1_000_000), 10);

    assertThat(excerpt).isEqualTo("\\u001b".repeat(10) + "...");
  }

  @Test
  void short_text_is_shown_whole() {
    assertThat(ClientText.excerpt("metadata.name", 64)).isEqualTo("metadata.name");
    assertThat(ClientText.excerpt("", 64)).isEmpty();
  }

  @Test
  void what_postgresql_cannot_store_is_named() {
    assertThat(ClientText.unstorable("a\u0000b")).contains("holds U+0000, which cannot be stored");
    assertThat(ClientText.unstorable("a\ud800b")).get().asString().contains("unpaired surrogate");
    assertThat(ClientText.unstorable("\ude00")).get().asString().contains("unpaired surrogate");
    assertThat(ClientText.unstorable("smile \ud83d\ude00")).isEmpty();
    assertThat(ClientText.unstorable(MEGABYTE)).isEmpty();
  }

  @Test
  void a_refusal_of_a_hostile_body_carries_only_an_excerpt_of_it() {
    String longName = "k".repeat(1_000_000);
    String body = "{\"" + longName + "\": \"nul \\u0000\"}";

    InvalidJsonException refused =
        catchThrowableOfType(
            InvalidJsonException.class,
            () ->
                JsonGuard.check(
                    body.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8,
                    JsonGuard.Shape.OBJECT));

    assertThat(refused.getMessage()).hasSizeLessThan(300).contains("kkk...").contains("U+0000");
    assertThat(refused.extensions().toString()).hasSizeLessThan(400);
  }

  @Test
  void a_refusal_of_a_deep_top_level_array_does_not_repeat_it() {
    InvalidJsonException refused =
        catchThrowableOfType(
            InvalidJsonException.class,
            () ->
                JsonGuard.check(
                    DEEP_ARRAY.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8,
                    JsonGuard.Shape.ANY));

    assertThat(refused.getMessage()).contains("nested deeper").hasSizeLessThan(300);
  }
}
