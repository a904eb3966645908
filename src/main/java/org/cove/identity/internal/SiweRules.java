package org.cove.identity.internal;

import static org.cove.identity.AuthenticationException.SIGN_IN_REJECTED;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.cove.identity.AuthenticationException;

/**
 * What a Sign-In with Ethereum message must say to be accepted here (EIP-4361's verification, with
 * Cove as the issuer of every message): first this server's domain (and scheme, when given), URI
 * and chain, and a validity window that includes now; then, once the nonce has found the challenge
 * it was issued with, every other field exactly as issued. Issued-at may lie up to {@link
 * #CLOCK_SKEW} in the future, for wallets whose clock runs ahead.
 */
final class SiweRules {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private SiweRules() {}

  /** The fields any message for this server must hold, checked before the nonce is looked up. */
  static void check(SiweMessage message, SiweSettings expected, Instant now) {
    if (!message.domain().equalsIgnoreCase(expected.domain())) {
      throw rejected("the message is for another domain");
    }
    if (message.scheme().isPresent() && !message.scheme().get().equals(expected.scheme())) {
      throw rejected("the message is for another scheme");
    }
    if (!message.uri().equals(expected.uri())) {
      throw rejected("the message is for another URI");
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

  /**
   * The fields of the challenge a message's nonce was issued with: a wallet signs the message as
   * given, so any difference means the text was changed after this server wrote it.
   */
  static void checkIssued(SiweMessage message, SiweMessage issued) {
    same("address", message.address(), issued.address());
    same("statement", message.statement(), issued.statement());
    same("version", message.version(), issued.version());
    same("nonce", message.nonce(), issued.nonce());
    same("issued-at time", message.issuedAt(), issued.issuedAt());
    same("expiration time", message.expirationTime(), issued.expirationTime());
    same("not-before time", message.notBefore(), issued.notBefore());
    same("request id", message.requestId(), issued.requestId());
    same("resources", message.resources(), issued.resources());
  }

  private static void same(String field, Object signed, Object issued) {
    if (!Objects.equals(signed, issued)) {
      throw rejected("the message's " + field + " is not the one this server issued");
    }
  }

  static AuthenticationException rejected(String why) {
    return new AuthenticationException(SIGN_IN_REJECTED, why);
  }
}
