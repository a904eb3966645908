package org.cove.shared;

import javax.crypto.SecretKey;

/**
 * Symmetric keys derived from the provider key, one per purpose, so that a single secret protects
 * this instance and nothing else needs to be kept. The identity module implements it.
 */
public interface ProviderSecrets {

  /** A 256-bit key for {@code purpose}; the same purpose always gives the same key. */
  SecretKey key(String purpose);
}
