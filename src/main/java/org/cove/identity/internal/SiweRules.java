package org.cove.identity.internal;

import static org.cove.identity.AuthenticationException.SIGN_IN_REJECTED;

import java.time.Duration;
import java.time.Instant;
import org.cove.identity.AuthenticationException;

/**
 * What a Sign-In with Ethereum message must say to be accepted here: this server's domain (and
 * scheme, when given) and chain, and a validity window that includes now. Issued-at may lie up to
 * {@link #CLOCK_SKEW} in the future, for wallets whose clock runs ahead.
 */
final class SiweRules {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private SiweRules() {}

  static void check(SiweMessage message, SiweSettings expected, Instant now) {
    if (!message.domain().equalsIgnoreCase(expected.domain())) {
      throw rejected("the message is for another domain");
    }
    if (message.scheme().isPresent() && !message.scheme().get().equals(expected.scheme())) {
      throw rejected("the message is for another scheme");
    }
    if (message.chainId() != expected.chainId()) {
      throw rejected(
          "the message is for chain " + message.chainId() + ", not " + expected.chainId());
    }
    if (message.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw rejected("the message is issued in the future");
    }
    if (message.expirationTime().isEmpty()) {
      throw rejected("the message has no expiration time");
    }
    if (!now.isBefore(message.expirationTime().get())) {
      throw rejected("the message has expired");
    }
    if (message.notBefore().isPresent() && now.isBefore(message.notBefore().get())) {
      throw rejected("the message is not valid yet");
    }
  }

  static AuthenticationException rejected(String why) {
    return new AuthenticationException(SIGN_IN_REJECTED, why);
  }
}
