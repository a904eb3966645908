package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cove.shared.InvalidInputException;
import org.cove.shared.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nonce rules that need no database. That a nonce must exceed the last one used, cannot be
 * replayed, and holds under concurrent submissions is tested against PostgreSQL.
 */
class OceanSignedRequestsTest {

  @Test
  void nonce_of_decimal_digits_is_its_value() {
    assertThat(OceanSignedRequests.parseNonce("0")).isZero();
    assertThat(OceanSignedRequests.parseNonce("1700000000000")).isEqualTo(1_700_000_000_000L);
    assertThat(OceanSignedRequests.parseNonce("007")).isEqualTo(7);
  }

  @Test
  void nonce_of_18_digits_is_accepted() {
    assertThat(OceanSignedRequests.parseNonce("999999999999999999"))
        .isEqualTo(999_999_999_999_999_999L);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"abc", "12a", "1.5", "1e3", "0x10", " 1", "1 ", "+1", "١٢٣", "1_000"})
  void non_numeric_nonce_is_refused(String nonce) {
    assertRefused(nonce);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "-1700000000000"})
  void negative_nonce_is_refused(String nonce) {
    assertRefused(nonce);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000000000000000000", "9223372036854775807", "99999999999999999999"})
  void nonce_over_18_digits_is_refused(String nonce) {
    assertRefused(nonce);
  }

  private static void assertRefused(String nonce) {
    assertThatThrownBy(() -> OceanSignedRequests.parseNonce(nonce))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST));
  }
}
