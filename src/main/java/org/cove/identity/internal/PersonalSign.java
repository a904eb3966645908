package org.cove.identity.internal;

import static org.cove.identity.AuthenticationException.INVALID_SIGNATURE;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import org.cove.identity.AuthenticationException;
import org.cove.shared.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** EIP-191 personal messages ({@code "\x19Ethereum Signed Message:\n" + length + message}). */
final class PersonalSign {

  private PersonalSign() {}

  /** The address whose key made {@code signature} over {@code message}. */
  static Address recover(byte[] message, String signature) {
    EthereumSignature parsed = EthereumSignature.parse(signature);
    try {
      BigInteger publicKey = Sign.signedPrefixedMessageToKey(message, parsed.toSignatureData());
      return Address.parse("0x" + Keys.getAddress(publicKey));
    } catch (SignatureException | IllegalArgumentException e) {
      throw new AuthenticationException(INVALID_SIGNATURE, "no key can have made this signature");
    }
  }

  static String sign(byte[] message, ECKeyPair key) {
    return EthereumSignature.of(Sign.signPrefixedMessage(message, key)).toHex();
  }

  /**
   * The 32 bytes Ocean's clients personal-sign for a request: keccak-256 of {@code address + nonce
   * + command} in UTF-8.
   */
  static byte[] oceanRequestHash(String address, String nonce, String command) {
    return Hash.sha3((address + nonce + command).getBytes(StandardCharsets.UTF_8));
  }

  static String checksummed(Address address) {
    return Keys.toChecksumAddress(address.value());
  }
}
