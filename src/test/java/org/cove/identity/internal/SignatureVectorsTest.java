package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.cove.identity.AuthenticationException;
import org.cove.identity.SignedRequest;
import org.cove.identity.internal.SignatureVectors.Outcome;
import org.cove.identity.internal.SignatureVectors.Request;
import org.cove.identity.internal.SignatureVectors.Text;
import org.cove.shared.Address;
import org.cove.shared.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Cove's signature checks against signatures made independently, by ethers. */
class SignatureVectorsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.cove.identity.internal.SignatureVectors#requests")
  void request_hash_is_the_keccak_of_address_nonce_and_command_as_ethers_computes_it(Request v) {
    byte[] hash = PersonalSign.oceanRequestHash(v.address(), v.nonce(), v.command());

    assertThat("0x" + Hashes.hex(hash)).isEqualTo(v.hash());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedRequests")
  void request_signed_by_its_address_is_accepted(Request v) {
    Address signer = PersonalSign.recover(hashOf(v), v.signature());

    assertThat(signer).isEqualTo(Address.parse(v.address()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherSignerRequests")
  void request_signed_by_another_key_or_for_another_request_recovers_another_address(Request v) {
    Address signer = PersonalSign.recover(hashOf(v), v.signature());

    assertThat(signer)
        .isEqualTo(Address.parse(v.recovers().orElseThrow()))
        .isNotEqualTo(Address.parse(v.address()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedRequests")
  void malformed_or_malleable_signature_is_refused(Request v) {
    assertThatThrownBy(() -> PersonalSign.recover(hashOf(v), v.signature()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.type().slug()).isEqualTo("invalid-signature"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"otherSignerRequests", "refusedRequests"})
  void signed_request_that_is_not_the_address_own_is_refused_before_its_nonce_is_used(Request v) {
    // No data source: a refusal must come before the nonce store is touched.
    OceanSignedRequests requests = new OceanSignedRequests();
    SignedRequest request = new SignedRequest(v.address(), v.nonce(), v.command(), v.signature());

    assertThatThrownBy(() -> requests.verify(request))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.type()).isEqualTo(AuthenticationException.INVALID_SIGNATURE));
  }

  @Test
  void high_s_signature_is_refused_although_it_recovers_the_signer_without_the_low_s_rule()
      throws SignatureException {
    for (String name : new String[] {"high-s-from-v27", "high-s-from-v28"}) {
      Request v = SignatureVectors.request(name);
      byte[] bytes = Hashes.fromHex(v.signature());
      Sign.SignatureData raw =
          new Sign.SignatureData(
              bytes[64], Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));

      BigInteger key = Sign.signedPrefixedMessageToKey(hashOf(v), raw);

      assertThat(Address.parse("0x" + Keys.getAddress(key))).isEqualTo(Address.parse(v.address()));
      assertThatThrownBy(() -> EthereumSignature.parse(v.signature()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("upper half");
    }
  }

  @Test
  void v_written_as_0_or_1_is_normalised_to_27_or_28() {
    String v0 = SignatureVectors.request("v0-normalised").signature();
    String v1 = SignatureVectors.request("v1-normalised").signature();

    assertThat(EthereumSignature.parse(v0).toHex())
        .isEqualTo(SignatureVectors.request("valid-v27").signature());
    assertThat(EthereumSignature.parse(v1).toHex())
        .isEqualTo(SignatureVectors.request("valid-v28").signature());
  }

  @Test
  void v_29_is_refused() {
    assertThatThrownBy(() -> EthereumSignature.parse(SignatureVectors.request("v29").signature()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.type().slug()).isEqualTo("invalid-signature"))
        .hasMessageContaining("27 or 28");
  }

  @Test
  void compact_eip_2098_signature_is_refused() {
    String compact = SignatureVectors.request("compact-eip2098").signature();

    assertThat(Hashes.fromHex(compact)).hasSize(64);
    assertThatThrownBy(() -> EthereumSignature.parse(compact))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.type().slug()).isEqualTo("invalid-signature"))
        .hasMessageContaining("65 bytes");
  }

  @Test
  void java_signs_requests_byte_for_byte_as_ethers_does() {
    // Both follow RFC 6979 and EIP-2, so the same key and message give the same signature.
    SignatureVectors.requests(Outcome.ACCEPTED)
        .filter(v -> v.name().startsWith("valid-"))
        .forEach(
            v ->
                assertThat(PersonalSign.sign(hashOf(v), SignatureVectors.signer().keyPair()))
                    .as(v.name())
                    .isEqualTo(v.signature()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.cove.identity.internal.SignatureVectors#texts")
  void personal_sign_over_text_recovers_its_signer(Text v) {
    byte[] message = v.message().getBytes(StandardCharsets.UTF_8);

    assertThat(PersonalSign.recover(message, v.signature())).isEqualTo(Address.parse(v.address()));
    assertThat(PersonalSign.sign(message, SignatureVectors.signer().keyPair()))
        .isEqualTo(v.signature());
  }

  @Test
  void sign_in_message_signed_by_ethers_is_one_cove_parses_and_writes_identically() {
    String text = SignatureVectors.text("siwe").message();

    assertThat(SiweFormat.format(SiweFormat.parse(text))).isEqualTo(text);
  }

  static Stream<Request> acceptedRequests() {
    return SignatureVectors.requests(Outcome.ACCEPTED);
  }

  static Stream<Request> otherSignerRequests() {
    return SignatureVectors.requests(Outcome.OTHER_SIGNER);
  }

  static Stream<Request> refusedRequests() {
    return SignatureVectors.requests(Outcome.REFUSED);
  }

  private static byte[] hashOf(Request v) {
    return PersonalSign.oceanRequestHash(v.address(), v.nonce(), v.command());
  }
}
