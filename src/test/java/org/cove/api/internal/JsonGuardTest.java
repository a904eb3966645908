package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.cove.api.internal.JsonGuard.Shape;
import org.junit.jupiter.api.Test;

class JsonGuardTest {

  @Test
  void ordinary_bodies_pass() {
    for (String body :
        new String[] {
          "{\"metadata\": {\"name\": \"Data \\ud83d\\ude00\", \"tags\": [\"a\", \"b\"]},"
              + " \"price\": 1.5e10, \"n\": -0.000001, \"ok\": true, \"none\": null}",
          "{}",
          "null",
          "{\"deep\": " + nested(JsonGuard.MAX_DEPTH - 1) + "}",
        }) {
      assertThatCode(() -> check(body, Shape.OBJECT)).as(body).doesNotThrowAnyException();
    }
    assertThatCode(() -> check("[1, 2]", Shape.ARRAY)).doesNotThrowAnyException();
    assertThatCode(() -> check("5", Shape.ANY)).doesNotThrowAnyException();
  }

  @Test
  void nesting_past_the_limit_is_refused_at_its_field() {
    InvalidJsonException refused =
        refused("{\"a\": [{\"b\": " + nested(JsonGuard.MAX_DEPTH) + "}]}", Shape.OBJECT);

    assertThat(refused.detail()).startsWith("a[0].b").contains("nested deeper than 32 levels");
    assertThat(refused("[".repeat(1000) + "]".repeat(1000), Shape.ANY).detail())
        .contains("nested deeper");
  }

  @Test
  void nul_and_unpaired_surrogates_are_refused_in_values_and_names_naming_the_field() {
    assertThat(refused("{\"metadata\": {\"name\": \"a\\u0000b\"}}", Shape.OBJECT).detail())
        .isEqualTo("metadata.name: holds U+0000, which cannot be stored");
    assertThat(refused("{\"services\": [{}, {\"id\": \"x\\ud800\"}]}", Shape.OBJECT).detail())
        .isEqualTo("services[1].id: holds an unpaired surrogate, which cannot be stored");
    assertThat(refused("{\"tags\": [\"a\", \"\\udc00b\"]}", Shape.OBJECT).detail())
        .startsWith("tags[1]: holds an unpaired surrogate");
    assertThat(refused("{\"metadata\": {\"ok\": 1, \"b\\u0000d\": 1}}", Shape.OBJECT).detail())
        .isEqualTo("metadata: a field name here holds U+0000, which cannot be stored");
  }

  @Test
  void numbers_out_of_range_are_refused_naming_the_field() {
    for (String number :
        new String[] {"1e999999", "-1E400", "1e-400", "0e999999", "1e99999999999"}) {
      assertThat(refused("{\"price\": {\"amount\": " + number + "}}", Shape.OBJECT).detail())
          .as(number)
          .startsWith("price.amount: is a number out of range");
    }
    assertThat(refused("[" + "9".repeat(101) + "]", Shape.ARRAY).detail())
        .startsWith("[0]: is a number out of range");
    assertThatCode(() -> check("[1e308, 1e-308, 0, " + "9".repeat(100) + "]", Shape.ARRAY))
        .doesNotThrowAnyException();
  }

  @Test
  void the_top_level_type_must_be_what_the_method_reads() {
    assertThat(refused("[]", Shape.OBJECT).detail())
        .isEqualTo("the request body must be a JSON object");
    assertThat(refused("\"text\"", Shape.OBJECT).detail())
        .isEqualTo("the request body must be a JSON object");
    assertThat(refused("{}", Shape.ARRAY).detail())
        .isEqualTo("the request body must be a JSON array");
  }

  @Test
  void malformed_and_empty_bodies_are_refused_without_quoting_them() {
    assertThat(refused("{\"secret\": \"hunter2\" oops}", Shape.OBJECT).detail())
        .startsWith("the request body is not valid JSON (line 1, column")
        .doesNotContain("hunter2");
    assertThat(refused("{} {}", Shape.OBJECT).detail())
        .startsWith("the request body is not valid JSON");
    assertThat(refused("", Shape.OBJECT).detail())
        .isEqualTo("the request body is empty; send a JSON object");
  }

  @Test
  void a_path_shows_long_or_unprintable_field_names_cut_and_escaped() {
    String name = "k\\u001b[31m" + "x".repeat(100);
    InvalidJsonException refused = refused("{\"" + name + "\": \"\\u0000\"}", Shape.OBJECT);

    assertThat(refused.detail())
        .startsWith("k\\u001b[31m" + "x".repeat(64 - 6) + "...:")
        .doesNotContain("\u001b");
    assertThat(refused.extensions().getJsonArray("errors").getJsonObject(0).getString("field"))
        .startsWith("k\\u001b");
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static void check(String body, Shape shape) {
    JsonGuard.check(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, shape);
  }

  private static InvalidJsonException refused(String body, Shape shape) {
    InvalidJsonException refused =
        catchThrowableOfType(InvalidJsonException.class, () -> check(body, shape));
    assertThat(refused).as(body).isNotNull();
    assertThat(refused.type().status()).isEqualTo(400);
    return refused;
  }
}
