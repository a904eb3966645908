package org.cove.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An EIP-4361 (Sign-In with Ethereum) message. {@link SiweFormat} writes and strictly parses the
 * text form that wallets show and sign.
 */
record SiweMessage(
    Optional<String> scheme,
    String domain,
    String address,
    Optional<String> statement,
    String uri,
    String version,
    long chainId,
    String nonce,
    Instant issuedAt,
    Optional<Instant> expirationTime,
    Optional<Instant> notBefore,
    Optional<String> requestId,
    List<String> resources) {

  SiweMessage {
    resources = List.copyOf(resources);
  }
}
