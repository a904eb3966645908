package org.cove.identity;

import java.time.Instant;
import java.util.Optional;
import org.cove.shared.Address;

/** Short-lived bearer tokens. */
public interface Tokens {

  AuthToken issue(Address address, TokenOrigin origin);

  /** As {@link #issue(Address, TokenOrigin)}, expiring no later than {@code notAfter}. */
  AuthToken issue(Address address, TokenOrigin origin, Instant notAfter);

  /** The principal behind a valid token; empty when unknown, expired or revoked. */
  Optional<Principal> authenticate(String token);

  /** Revokes the token if it belongs to {@code owner}; false when there is no such token. */
  boolean revoke(String token, Address owner);

  /** How a token was obtained, kept for the audit trail. */
  enum TokenOrigin {
    SIWE,
    SIGNED_REQUEST,
    SESSION
  }
}
