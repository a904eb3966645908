package org.cove.identity;

import org.cove.shared.Address;

/** Verifies Ocean-style signed requests and keeps each address's nonces strictly increasing. */
public interface SignedRequests {

  /**
   * Checks the signature and consumes the nonce, inside the caller's transaction (so a request that
   * fails later leaves the nonce unused). Of concurrent requests with one nonce, exactly one
   * passes.
   *
   * @return the address that signed
   * @throws AuthenticationException when the signature or the nonce is refused
   */
  Address verify(SignedRequest request);

  /** The last nonce accepted from this address, 0 if none; clients sign with the next one. */
  long lastNonce(Address address);
}
