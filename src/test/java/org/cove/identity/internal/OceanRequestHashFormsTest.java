package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.cove.identity.SignedRequest;
import org.cove.identity.internal.SignatureVectors.Key;
import org.cove.shared.Address;
import org.junit.jupiter.api.Test;

/**
 * ocean.js signs a request's hash as ethers' {@code toBeArray} gives it, without leading zero
 * bytes: for one request in 256 that is 31 bytes, not 32. Cove accepts that form and the full one,
 * and nothing else. (The ocean.js integration test runs the real library against Cove.)
 */
class OceanRequestHashFormsTest {

  private static final String COMMAND = "createAuthToken";

  private final Key key = SignatureVectors.signer();
  private final Address address = Address.parse(key.address());

  @Test
  void hash_without_leading_zero_is_the_only_message() {
    String nonce = nonceWithLeadingZeroBytes(0);

    List<byte[]> messages = PersonalSign.oceanRequestMessages(key.address(), nonce, COMMAND);

    assertThat(messages).hasSize(1);
    assertThat(messages.get(0)).isEqualTo(hash(nonce));
  }

  @Test
  void hash_with_leading_zero_bytes_is_also_a_message_without_them() {
    for (int zeros = 1; zeros <= 2; zeros++) {
      String nonce = nonceWithLeadingZeroBytes(zeros);

      List<byte[]> messages = PersonalSign.oceanRequestMessages(key.address(), nonce, COMMAND);

      assertThat(messages).hasSize(2);
      assertThat(messages.get(0)).isEqualTo(hash(nonce));
      assertThat(messages.get(1))
          .hasSize(32 - zeros)
          .isEqualTo(Arrays.copyOfRange(hash(nonce), zeros, 32));
    }
  }

  @Test
  void signature_over_the_hash_without_its_leading_zero_byte_is_accepted() {
    String nonce = nonceWithLeadingZeroBytes(1);
    byte[] stripped = Arrays.copyOfRange(hash(nonce), 1, 32);
    String signature = PersonalSign.sign(stripped, key.keyPair());

    assertThat(PersonalSign.recover(hash(nonce), signature)).isNotEqualTo(address);
    assertThat(OceanSignedRequests.signedBy(address, request(nonce, signature), List.of(COMMAND)))
        .isTrue();
  }

  @Test
  void signature_over_the_full_hash_is_still_accepted_when_it_starts_with_zero() {
    String nonce = nonceWithLeadingZeroBytes(1);
    String signature = PersonalSign.sign(hash(nonce), key.keyPair());

    assertThat(OceanSignedRequests.signedBy(address, request(nonce, signature), List.of(COMMAND)))
        .isTrue();
  }

  @Test
  void signature_over_a_hash_cut_short_elsewhere_is_refused() {
    String nonce = nonceWithLeadingZeroBytes(0);
    String signature = PersonalSign.sign(Arrays.copyOfRange(hash(nonce), 1, 32), key.keyPair());

    assertThat(OceanSignedRequests.signedBy(address, request(nonce, signature), List.of(COMMAND)))
        .isFalse();
  }

  @Test
  void stripped_signature_does_not_cover_another_nonce_or_command() {
    String nonce = nonceWithLeadingZeroBytes(1);
    String signature = PersonalSign.sign(Arrays.copyOfRange(hash(nonce), 1, 32), key.keyPair());
    String next = String.valueOf(Long.parseLong(nonce) + 1);

    assertThat(OceanSignedRequests.signedBy(address, request(next, signature), List.of(COMMAND)))
        .isFalse();
    assertThat(
            OceanSignedRequests.signedBy(
                address, request(nonce, signature), List.of("invalidateAuthToken")))
        .isFalse();
  }

  private SignedRequest request(String nonce, String signature) {
    return new SignedRequest(key.address(), nonce, COMMAND, signature);
  }

  private byte[] hash(String nonce) {
    return PersonalSign.oceanRequestHash(key.address(), nonce, COMMAND);
  }

  /** The first nonce whose request hash starts with exactly {@code zeros} zero bytes. */
  private String nonceWithLeadingZeroBytes(int zeros) {
    for (long nonce = 1; ; nonce++) {
      byte[] hash = hash(String.valueOf(nonce));
      int leading = 0;
      while (leading < hash.length && hash[leading] == 0) {
        leading++;
      }
      if (leading == zeros) {
        return String.valueOf(nonce);
      }
    }
  }
}
