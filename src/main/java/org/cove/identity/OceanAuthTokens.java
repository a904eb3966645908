package org.cove.identity;

/** Ocean's token flow (generateAuthToken, invalidateAuthToken) over signed requests. */
public interface OceanAuthTokens {

  /**
   * A token for a request signed over {@code address + nonce + "createAuthToken"}, valid until
   * {@code validUntilMillis} (epoch milliseconds) or this server's token lifetime, whichever comes
   * first. Recorded in the ledger as a sign-in.
   */
  AuthToken generate(SignedRequest request, Long validUntilMillis);

  /**
   * Revokes {@code token} for a request signed by its owner over {@code address + nonce +
   * "invalidateAuthToken"}, or over {@code address + nonce} as ocean.js 8 signs it.
   */
  void invalidate(SignedRequest request, String token);
}
