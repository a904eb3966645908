package org.cove.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cove.shared.Address;
import org.cove.shared.Hashes;
import org.cove.shared.ProviderSigner;

/**
 * A provider key for tests that need signatures but not Ethereum: HMAC-SHA256 under a fixed key, so
 * modules that must not depend on web3j can still sign and check. Two signers with different keys
 * and addresses stand for a trusted key and a forger.
 */
public final class TestProviderSigner implements ProviderSigner {

  private final Address address;
  private final SecretKeySpec key;

  public TestProviderSigner(Address address, String secret) {
    this.address = address;
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public static TestProviderSigner provider() {
    return new TestProviderSigner(
        new Address("0x00000000000000000000000000000000000c0e01"), "the provider's key");
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public String sign(byte[] message) {
    return "0x" + Hashes.hex(mac(message));
  }

  @Override
  public boolean verify(byte[] message, String signature, Address signer) {
    return signer.equals(address)
        && MessageDigest.isEqual(
            Hashes.hex(mac(message)).getBytes(StandardCharsets.US_ASCII),
            signature.replaceFirst("^0x", "").getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
