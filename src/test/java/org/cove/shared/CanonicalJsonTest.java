package org.cove.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cove.testing.RandomData;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private final RandomData random = RandomData.fromSeedProperty();

  @Test
  void every_single_character_is_quoted_as_the_rfc_8785_canonicaliser_writes_it() {
    for (int c = 0; c <= 0xffff; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String text = String.valueOf((char) c);
      assertThat(CanonicalJson.quote(text)).as("U+%04X", c).isEqualTo(canonicaliserQuote(text));
    }
  }

  @Test
  void characters_beyond_the_basic_plane_are_written_as_themselves() {
    for (int codePoint = 0x10000; codePoint <= 0x10ffff; codePoint += 0x3f) {
      String text = new String(Character.toChars(codePoint));
      assertThat(CanonicalJson.quote(text))
          .as("U+%X", codePoint)
          .isEqualTo(canonicaliserQuote(text))
          .isEqualTo("\"" + text + "\"");
    }
  }

  @Test
  void random_strings_are_quoted_as_the_rfc_8785_canonicaliser_writes_them() {
    for (int i = 0; i < 5_000; i++) {
      String text = random.text(40);
      assertThat(CanonicalJson.quote(text))
          .as("seed %d, round %d", random.seed(), i)
          .isEqualTo(canonicaliserQuote(text));
    }
  }

  @Test
  void control_characters_take_the_short_escapes_where_json_has_them() {
    assertThat(CanonicalJson.quote("\b\f\n\r\t\u0000\u001f\"\\/\u007f"))
        .isEqualTo("\"\\b\\f\\n\\r\\t\\u0000\\u001f\\\"\\\\/\u007f\"");
  }

  @Test
  void text_that_is_not_json_is_refused_as_invalid_input() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":"))
        .isInstanceOf(InvalidInputException.class);
  }

  /** The canonicaliser takes objects and arrays only, so the string travels in an array. */
  private String canonicaliserQuote(String text) {
    String array = CanonicalJson.canonicalize("[" + random.jsonString(text) + "]");
    return array.substring(1, array.length() - 1);
  }
}
