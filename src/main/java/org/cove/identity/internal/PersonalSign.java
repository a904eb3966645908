package org.cove.identity.internal;

import static org.cove.identity.AuthenticationException.INVALID_SIGNATURE;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.List;
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

  /**
   * The messages an Ocean client may have personal-signed for a request: the 32-byte {@link
   * #oceanRequestHash}, and, when that hash starts with zero bytes, the hash without them. ocean.js
   * (8.x) turns the hash into bytes with ethers' {@code toBeArray}, which drops leading zero bytes,
   * so for one request in 256 it signs 31 bytes (one in 65,536: 30); ocean-node accepts that form.
   * Both forms stand for the same hash, so accepting either lets no other request through.
   */
  static List<byte[]> oceanRequestMessages(String address, String nonce, String command) {
    byte[] hash = oceanRequestHash(address, nonce, command);
    int zeros = 0;
    while (zeros < hash.length && hash[zeros] == 0) {
      zeros++;
    }
    return zeros == 0 ? List.of(hash) : List.of(hash, Arrays.copyOfRange(hash, zeros, hash.length));
  }

  static String checksummed(Address address) {
    return Keys.toChecksumAddress(address.value());
  }
}
