package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

  private static final byte[] KEY =
      "a key of thirty-two bytes, or so".getBytes(StandardCharsets.UTF_8);
  private static final String ADDRESS = "0x09718F0dea2d94D3Ce8D38CE483094630Bd49caf";
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final String token = TokenFormat.issue(KEY, ADDRESS, NOW, NOW.plusSeconds(3600), "id-1");

  @Test
  void token_is_a_jwt_whose_payload_names_the_address_as_ocean_js_reads_it() {
    String[] parts = token.split("\\.");

    assertThat(parts).hasSize(3);
    JsonObject header = decode(parts[0]);
    JsonObject payload = decode(parts[1]);
    assertThat(header.getString("alg")).isEqualTo("HS256");
    assertThat(payload.getString("address")).isEqualTo(ADDRESS);
    assertThat(payload.getJsonNumber("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 3600);
    assertThat(payload.getString("jti")).isEqualTo("id-1");
  }

  @Test
  void a_token_this_key_signed_is_recognised() {
    assertThat(TokenFormat.isSignedWith(KEY, token)).isTrue();
  }

  @Test
  void a_token_signed_with_another_key_is_not() {
    byte[] other = "another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    assertThat(TokenFormat.isSignedWith(other, token)).isFalse();
  }

  @Test
  void a_token_whose_payload_was_changed_is_not() {
    String[] parts = token.split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"address\":\"0x0000000000000000000000000000000000000001\"}"
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(TokenFormat.isSignedWith(KEY, parts[0] + "." + forged + "." + parts[2])).isFalse();
  }

  @Test
  void garbage_is_not_a_token() {
    assertThat(TokenFormat.isSignedWith(KEY, null)).isFalse();
    assertThat(TokenFormat.isSignedWith(KEY, "")).isFalse();
    assertThat(TokenFormat.isSignedWith(KEY, "undefined")).isFalse();
    assertThat(TokenFormat.isSignedWith(KEY, token + "%%")).isFalse();
    assertThat(TokenFormat.isSignedWith(KEY, token.substring(0, token.lastIndexOf('.')))).isFalse();
    assertThat(TokenFormat.isSignedWith(KEY, token + "x".repeat(600))).isFalse();
  }

  private static JsonObject decode(String part) {
    String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }
}
