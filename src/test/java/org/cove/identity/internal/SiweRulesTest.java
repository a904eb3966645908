package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cove.identity.internal.SiweMessageBuilder.ISSUED_AT;
import static org.cove.identity.internal.SiweMessageBuilder.siwe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.cove.identity.AuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiweRulesTest {

  private static final SiweSettings SETTINGS = SiweSettings.of("http://localhost:9080", 8996);
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  @Test
  void settings_come_from_the_public_url() {
    assertThat(SETTINGS)
        .isEqualTo(new SiweSettings("http", "localhost:9080", "http://localhost:9080/", 8996));
  }

  @Test
  void message_for_this_server_and_chain_within_its_validity_passes() {
    assertPasses(siwe().issuedAt(NOW).expirationTime(NOW.plusSeconds(300)).build());
  }

  @Test
  void message_naming_this_server_scheme_passes() {
    assertPasses(siwe().scheme("http").build());
  }

  @Test
  void domain_is_compared_regardless_of_letter_case() {
    assertPasses(siwe().domain("LocalHost:9080").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "localhost", "localhost:9081", "evil.localhost:9080"})
  void message_for_another_domain_is_rejected(String domain) {
    assertRejected(siwe().domain(domain).build(), "another domain");
  }

  @Test
  void message_for_another_scheme_is_rejected() {
    assertRejected(siwe().scheme("https").build(), "another scheme");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:9080/evil",
        "http://localhost:9080",
        "https://localhost:9080/",
        "http://evil.example/",
        "urn:cove:elsewhere"
      })
  void message_for_another_uri_is_rejected(String uri) {
    assertRejected(siwe().uri(uri).build(), "another URI");
  }

  @Test
  void message_for_another_chain_is_rejected() {
    assertRejected(siwe().chainId(1).build(), "chain 1, not 8996");
  }

  @Test
  void expired_message_is_rejected() {
    SiweMessage message =
        siwe().issuedAt(NOW.minusSeconds(600)).expirationTime(NOW.minusSeconds(1)).build();

    assertRejected(message, "expired");
  }

  @Test
  void message_at_its_expiration_time_is_rejected() {
    assertRejected(siwe().issuedAt(NOW.minusSeconds(300)).expirationTime(NOW).build(), "expired");
  }

  @Test
  void message_just_before_its_expiration_time_passes() {
    assertPasses(siwe().issuedAt(NOW.minusSeconds(300)).expirationTime(NOW.plusNanos(1)).build());
  }

  @Test
  void message_without_expiration_time_is_rejected() {
    assertRejected(siwe().expirationTime(null).build(), "no expiration time");
  }

  @Test
  void message_not_valid_yet_is_rejected() {
    assertRejected(siwe().notBefore(NOW.plusSeconds(1)).build(), "not valid yet");
  }

  @Test
  void message_from_its_not_before_time_passes() {
    assertPasses(siwe().notBefore(NOW).build());
  }

  @Test
  void message_issued_further_in_the_future_than_the_clock_skew_is_rejected() {
    Instant issued = NOW.plus(SiweRules.CLOCK_SKEW).plusSeconds(1);

    assertRejected(
        siwe().issuedAt(issued).expirationTime(issued.plusSeconds(300)).build(),
        "issued in the future");
  }

  @Test
  void message_issued_in_the_future_within_the_clock_skew_passes() {
    assertThat(SiweRules.CLOCK_SKEW).isEqualTo(Duration.ofSeconds(60));
    for (Instant issued : new Instant[] {NOW.plusSeconds(30), NOW.plus(SiweRules.CLOCK_SKEW)}) {
      assertPasses(siwe().issuedAt(issued).expirationTime(issued.plusSeconds(300)).build());
    }
  }

  @Test
  void message_as_issued_passes_the_challenge_check() {
    assertThatCode(() -> SiweRules.checkIssued(siwe().build(), siwe().build()))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> changes_to_an_issued_message() {
    return Stream.of(
        changed("address", siwe().address("0x8ba1f109551bD432803012645Ac136ddd64DBA72")),
        changed("statement", siwe().statement("Send all my tokens to the bearer.")),
        changed("statement", siwe().statement(null)),
        changed("version", siwe().version("2")),
        changed("nonce", siwe().nonce("AAAAAAAAAAAAAAAAAAAAAAAA")),
        changed("issued-at time", siwe().issuedAt(ISSUED_AT.minusSeconds(1))),
        changed("expiration time", siwe().expirationTime(ISSUED_AT.plusSeconds(3600))),
        changed("expiration time", siwe().expirationTime(null)),
        changed("not-before time", siwe().notBefore(ISSUED_AT)),
        changed("request id", siwe().requestId("42")),
        changed("resources", siwe().resources(List.of("https://evil.example/grant"))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("changes_to_an_issued_message")
  void message_differing_from_the_issued_one_is_rejected(String field, SiweMessage signed) {
    assertThatThrownBy(() -> SiweRules.checkIssued(signed, siwe().build()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.type().slug()).isEqualTo("sign-in-rejected"))
        .hasMessageContaining("the message's " + field + " is not the one this server issued");
  }

  private static Arguments changed(String field, SiweMessageBuilder builder) {
    return Arguments.of(field, builder.build());
  }

  private static void assertPasses(SiweMessage message) {
    assertThatCode(() -> SiweRules.check(message, SETTINGS, NOW)).doesNotThrowAnyException();
  }

  private static void assertRejected(SiweMessage message, String why) {
    assertThatThrownBy(() -> SiweRules.check(message, SETTINGS, NOW))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.type().slug()).isEqualTo("sign-in-rejected"))
        .hasMessageContaining(why);
  }
}
