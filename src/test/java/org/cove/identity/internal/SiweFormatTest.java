package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cove.identity.internal.SiweMessageBuilder.ADDRESS;
import static org.cove.identity.internal.SiweMessageBuilder.ISSUED_AT;
import static org.cove.identity.internal.SiweMessageBuilder.siwe;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.cove.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiweFormatTest {

  private static final String VALID =
      """
      localhost:9080 wants you to sign in with your Ethereum account:
      0x09718F0dea2d94D3Ce8D38CE483094630Bd49caf

      Sign in to Cove.

      URI: http://localhost:9080/
      Version: 1
      Chain ID: 8996
      Nonce: k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny
      Issued At: 2025-01-02T03:04:05Z
      Expiration Time: 2025-01-02T03:09:05Z\
      """;

  @Test
  void message_is_written_in_the_eip_4361_layout() {
    assertThat(siwe().text()).isEqualTo(VALID);
  }

  @Test
  void message_with_statement_round_trips() {
    SiweMessage message = siwe().build();

    assertThat(SiweFormat.parse(SiweFormat.format(message))).isEqualTo(message);
  }

  @Test
  void message_without_statement_round_trips_with_two_blank_lines_after_the_address() {
    SiweMessage message = siwe().statement(null).build();
    String text = SiweFormat.format(message);

    assertThat(text).contains(ADDRESS + "\n\n\nURI: ");
    assertThat(SiweFormat.parse(text)).isEqualTo(message);
  }

  @Test
  void message_without_statement_and_a_single_blank_line_is_read_too() {
    SiweMessage message = siwe().statement(null).build();
    String oneBlankLine =
        SiweFormat.format(message).replace(ADDRESS + "\n\n\nURI: ", ADDRESS + "\n\nURI: ");

    assertThat(SiweFormat.parse(oneBlankLine)).isEqualTo(message);
  }

  @Test
  void message_with_only_the_required_fields_round_trips() {
    SiweMessage message = siwe().statement(null).expirationTime(null).build();

    assertThat(SiweFormat.parse(SiweFormat.format(message))).isEqualTo(message);
  }

  @Test
  void message_with_every_optional_field_and_resources_round_trips() {
    SiweMessage message =
        siwe()
            .scheme("https")
            .issuedAt(ISSUED_AT.plusMillis(123))
            .expirationTime(ISSUED_AT.plusSeconds(300))
            .notBefore(ISSUED_AT.plusSeconds(10))
            .requestId("req-8f2c:1")
            .resources(
                List.of(
                    "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
                    "https://example.com/my-web2-claim.json"))
            .build();
    String text = SiweFormat.format(message);

    assertThat(text)
        .startsWith("https://localhost:9080 wants you")
        .contains("Issued At: 2025-01-02T03:04:05.123Z")
        .endsWith(
            "\nResources:\n- ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi\n- https://example.com/my-web2-claim.json");
    assertThat(SiweFormat.parse(text)).isEqualTo(message);
  }

  @Test
  void text_of_a_parsed_message_is_written_back_unchanged() {
    assertThat(SiweFormat.format(SiweFormat.parse(VALID))).isEqualTo(VALID);
  }

  @Test
  void limits_are_inclusive() {
    SiweMessage message =
        siwe()
            .domain("d".repeat(SiweFormat.MAX_DOMAIN))
            .statement("s".repeat(SiweFormat.MAX_STATEMENT))
            .nonce("n".repeat(SiweFormat.MAX_NONCE))
            .resources(resources(SiweFormat.MAX_RESOURCES, 20))
            .build();

    assertThat(SiweFormat.parse(SiweFormat.format(message))).isEqualTo(message);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missing_message_is_refused(String text) {
    assertRefused(text, "empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:9080 wants you to sign in with your account:",
        "localhost:9080 wants you to sign in with your Ethereum account",
        "localhost:9080/login wants you to sign in with your Ethereum account:",
        " wants you to sign in with your Ethereum account:",
        "Sign in to Cove."
      })
  void wrong_first_line_is_refused(String firstLine) {
    assertRefused(
        VALID.replace("localhost:9080 wants you to sign in with your Ethereum account:", firstLine),
        "first line");
  }

  @Test
  void address_not_in_its_checksummed_form_is_refused() {
    assertRefused(VALID.replace(ADDRESS, ADDRESS.toLowerCase(Locale.ROOT)), "EIP-55");
    assertRefused(VALID.replace(ADDRESS, ADDRESS.replace('F', 'f')), "EIP-55");
  }

  @Test
  void line_that_is_not_an_address_is_refused() {
    assertRefused(VALID.replace(ADDRESS, "0x09718F0dea2d94D3"), "Ethereum address");
  }

  @Test
  void missing_blank_line_after_the_address_is_refused() {
    assertRefused(VALID.replace(ADDRESS + "\n\n", ADDRESS + "\n"), "blank line");
  }

  @Test
  void missing_blank_line_after_the_statement_is_refused() {
    assertRefused(VALID.replace("Sign in to Cove.\n\n", "Sign in to Cove.\n"), "blank line");
  }

  @Test
  void version_2_is_refused() {
    assertRefused(VALID.replace("Version: 1", "Version: 2"), "version must be 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mainnet", "-1", "0x1", "", "1.0", "1234567890123456789"})
  void chain_id_that_is_not_a_number_is_refused(String chainId) {
    assertRefused(VALID.replace("Chain ID: 8996", "Chain ID: " + chainId), "chain id");
  }

  @Test
  void nonce_shorter_than_8_characters_is_refused() {
    assertRefused(VALID.replace("k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny", "k3Rb8Qx"), "at least 8");
  }

  @Test
  void nonce_with_other_than_letters_and_digits_is_refused() {
    assertRefused(VALID.replace("k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny", "k3Rb8Qx2-LmZp"), "letters or digits");
  }

  @Test
  void nonce_longer_than_the_limit_is_refused() {
    assertRefused(
        VALID.replace("k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny", "n".repeat(SiweFormat.MAX_NONCE + 1)),
        "nonce is longer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-02 03:04:05Z",
        "2025-01-02T03:04:05",
        "2025-13-02T03:04:05Z",
        "2025-02-30T03:04:05Z",
        "2025-01-02T03:04Z",
        "2025-01-02T03:04:05+01",
        "2025-01-02T03:04:05+0100",
        "2025-01-02T03:04:05+01:00:30",
        "2025-01-02T03:04:05.Z",
        "+12025-01-02T03:04:05Z",
        "1735787045",
        "yesterday",
        ""
      })
  void issued_at_that_is_not_an_rfc_3339_date_time_is_refused(String timestamp) {
    assertRefused(
        VALID.replace("Issued At: 2025-01-02T03:04:05Z", "Issued At: " + timestamp), "Issued At");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-02T03:04:05.5Z",
        "2025-01-02T03:04:05.123456789Z",
        "2025-01-02T08:34:05+05:30",
        "2025-01-01T22:04:05-05:00",
        "2025-01-02t03:04:05z"
      })
  void issued_at_in_any_rfc_3339_form_is_read_as_the_instant_it_names(String timestamp) {
    SiweMessage message =
        SiweFormat.parse(
            VALID.replace("Issued At: 2025-01-02T03:04:05Z", "Issued At: " + timestamp));

    assertThat(message.issuedAt()).isBetween(ISSUED_AT, ISSUED_AT.plusSeconds(1));
  }

  @Test
  void expiration_time_that_is_not_an_rfc_3339_date_time_is_refused() {
    assertRefused(
        VALID.replace("Expiration Time: 2025-01-02T03:09:05Z", "Expiration Time: soon"),
        "Expiration Time");
  }

  @Test
  void not_before_that_is_not_an_rfc_3339_date_time_is_refused() {
    assertRefused(VALID + "\nNot Before: 2025-01-02", "Not Before");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\nHello", "\n\n", "\nResources:\n- https://example.com/\nmore"})
  void unexpected_trailing_text_is_refused(String trailer) {
    assertRefused(VALID + trailer, "unexpected text");
  }

  @Test
  void field_out_of_order_is_refused() {
    assertRefused(
        VALID.replace("Version: 1\nChain ID: 8996", "Chain ID: 8996\nVersion: 1"), "'Version: '");
  }

  @Test
  void missing_field_is_refused() {
    assertRefused(VALID.replace("Nonce: k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny\n", ""), "'Nonce: '");
  }

  @Test
  void message_that_ends_early_is_refused() {
    assertRefused(VALID.substring(0, VALID.indexOf("\nVersion: ")), "ends before");
  }

  @Test
  void uri_that_is_not_absolute_is_refused() {
    assertRefused(VALID.replace("URI: http://localhost:9080/", "URI: /login"), "absolute URI");
  }

  @Test
  void resource_that_is_not_a_uri_is_refused() {
    assertRefused(VALID + "\nResources:\n- not a uri", "not a URI");
  }

  @Test
  void request_id_with_characters_a_uri_path_may_not_hold_is_refused() {
    assertRefused(
        siwe().requestId("two words").text(), "request id holds characters a URI path may not");
  }

  @Test
  void message_longer_than_4096_characters_is_refused() {
    String text = siwe().resources(resources(5, 1000)).text();

    assertThat(text.length()).isGreaterThan(SiweFormat.MAX_MESSAGE);
    assertRefused(text, "message is longer than 4096");
  }

  @Test
  void statement_longer_than_512_characters_is_refused() {
    assertRefused(siwe().statement("s".repeat(513)).text(), "statement is longer than 512");
  }

  @Test
  void domain_longer_than_253_characters_is_refused() {
    assertRefused(siwe().domain("d".repeat(254)).text(), "domain is longer than 253");
  }

  @Test
  void uri_longer_than_1024_characters_is_refused() {
    assertRefused(
        siwe().uri("https://example.com/" + "u".repeat(1010)).text(), "URI is longer than 1024");
  }

  @Test
  void more_than_16_resources_are_refused() {
    assertRefused(siwe().resources(resources(17, 20)).text(), "at most 16 resources");
  }

  @Test
  void statement_spanning_two_lines_is_refused() {
    assertRefused(siwe().statement("Sign in\nto Cove.").text(), "blank line");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Sign in\tto Cove.", "Sign in to Cove.\r", "Sign in\u007f", "Sign\u0000in"})
  void statement_with_a_control_character_is_refused(String statement) {
    assertRefused(siwe().statement(statement).text(), "printable ASCII");
  }

  @Test
  void statement_with_non_ascii_characters_is_refused() {
    // EIP-4361's statement is built from URI characters and spaces only.
    assertRefused(siwe().statement("Sign in to Cove ✓").text(), "printable ASCII");
  }

  private static List<String> resources(int count, int length) {
    return IntStream.range(0, count)
        .mapToObj(i -> "https://example.com/" + i + "/" + "r".repeat(length))
        .toList();
  }

  private static void assertRefused(String text, String why) {
    assertThatThrownBy(() -> SiweFormat.parse(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.type().slug()).isEqualTo("invalid-siwe-message"))
        .hasMessageContaining(why);
  }
}
