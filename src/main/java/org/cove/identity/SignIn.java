package org.cove.identity;

import org.cove.shared.Address;

/** Sign-In with Ethereum (EIP-4361), ending in a bearer token. */
public interface SignIn {

  /** A fresh message for this server's domain and chain, with a single-use nonce. */
  SiweChallenge challenge(Address address);

  /**
   * Verifies every field of a message this server issued and its signature, consumes the nonce,
   * records the sign-in in the ledger and returns a token.
   */
  AuthToken signIn(String message, String signature);
}
