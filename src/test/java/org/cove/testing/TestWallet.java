package org.cove.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.HexFormat;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** A client-side Ethereum account for tests: signs as wallets and Ocean's clients do. */
public final class TestWallet {

  private final ECKeyPair key;

  private TestWallet(ECKeyPair key) {
    this.key = key;
  }

  public static TestWallet random() {
    try {
      return new TestWallet(Keys.createEcKeyPair());
    } catch (InvalidAlgorithmParameterException
        | NoSuchAlgorithmException
        | NoSuchProviderException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestWallet of(String privateKeyHex) {
    return new TestWallet(
        ECKeyPair.create(new BigInteger(privateKeyHex.replaceFirst("^0x", ""), 16)));
  }

  /** The EIP-55 checksummed address, as wallets report it. */
  public String address() {
    return Keys.toChecksumAddress(Keys.getAddress(key));
  }

  public String privateKeyHex() {
    return String.format("%064x", key.getPrivateKey());
  }

  /** personal_sign (EIP-191) over arbitrary bytes, as 0x + r + s + v. */
  public String personalSign(byte[] message) {
    Sign.SignatureData signature = Sign.signPrefixedMessage(message, key);
    byte[] bytes = new byte[65];
    System.arraycopy(signature.getR(), 0, bytes, 0, 32);
    System.arraycopy(signature.getS(), 0, bytes, 32, 32);
    bytes[64] = signature.getV()[0];
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  public String personalSign(String message) {
    return personalSign(message.getBytes(StandardCharsets.UTF_8));
  }

  /** Ocean's request signature: personal_sign over keccak256(address + nonce + command). */
  public String signRequest(String nonce, String command) {
    return personalSign(Hash.sha3((address() + nonce + command).getBytes(StandardCharsets.UTF_8)));
  }
}
