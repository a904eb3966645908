package org.cove.shared;

/**
 * Signs with this Cove instance's own Ethereum key (the provider key): EIP-191 personal messages,
 * so any Ethereum tool can check them. The identity module implements it.
 */
public interface ProviderSigner {

  Address address();

  /** An EIP-191 personal_sign signature over {@code message}: 0x + r, s, v (65 bytes). */
  String sign(byte[] message);

  /** Whether {@code signature} is a valid personal_sign by {@code signer} over message. */
  boolean verify(byte[] message, String signature, Address signer);
}
