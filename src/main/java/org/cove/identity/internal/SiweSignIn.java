package org.cove.identity.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.identity.AuthToken;
import org.cove.identity.AuthenticationException;
import org.cove.identity.SignIn;
import org.cove.identity.SiweChallenge;
import org.cove.identity.Tokens;
import org.cove.identity.Tokens.TokenOrigin;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
class SiweSignIn implements SignIn {

  static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
  static final String STATEMENT = "Sign in to Cove.";

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private Tokens tokens;
  private AuditTrail auditTrail;
  private Clock clock;
  private SiweSettings settings;

  @Inject
  SiweSignIn(
      Tokens tokens,
      AuditTrail auditTrail,
      Clock clock,
      @ConfigProperty(name = "cove.public.url") String publicUrl,
      @ConfigProperty(name = "cove.chain.id") long chainId) {
    this.tokens = tokens;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.settings = SiweSettings.of(publicUrl, chainId);
  }

  /** For CDI's proxy. */
  protected SiweSignIn() {}

  @Override
  @Transactional
  public SiweChallenge challenge(Address address) {
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(CHALLENGE_LIFETIME);
    String nonce = Randoms.alphanumeric(24);
    SiweMessage message = issued(address, nonce, issuedAt, expiresAt);
    entityManager
        .createQuery("delete from SiweChallengeEntity c where c.expiresAt < :now")
        .setParameter("now", issuedAt)
        .executeUpdate();
    entityManager.persist(new SiweChallengeEntity(nonce, address.value(), issuedAt, expiresAt));
    return new SiweChallenge(SiweFormat.format(message), nonce, expiresAt);
  }

  @Override
  @Transactional
  public AuthToken signIn(String text, String signature) {
    Instant now = clock.instant();
    SiweMessage message = SiweFormat.parse(text);
    SiweRules.check(message, settings, now);
    Address claimed = Address.parse(message.address());
    Address signer = PersonalSign.recover(text.getBytes(StandardCharsets.UTF_8), signature);
    if (!signer.equals(claimed)) {
      throw SiweRules.rejected("the signature was not made by the message's address");
    }
    SiweRules.checkIssued(message, issuedWith(message.nonce(), claimed, now));
    consumeNonce(message.nonce());
    AuthToken token = tokens.issue(claimed, TokenOrigin.SIWE);
    auditTrail.record(
        new AuditEvent(
            claimed,
            "signed-in",
            claimed.value(),
            JSON.createObjectBuilder()
                .add("method", "siwe")
                .add("domain", message.domain())
                .add("chainId", message.chainId())
                .build(),
            Set.of()));
    return token;
  }

  /** The message this server issues; a signed one must say exactly this (see SiweRules). */
  private SiweMessage issued(Address address, String nonce, Instant issuedAt, Instant expiresAt) {
    return new SiweMessage(
        Optional.empty(),
        settings.domain(),
        PersonalSign.checksummed(address),
        Optional.of(STATEMENT),
        settings.uri(),
        "1",
        settings.chainId(),
        nonce,
        issuedAt,
        Optional.of(expiresAt),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** The message issued with this nonce to this address, while its challenge lasts. */
  private SiweMessage issuedWith(String nonce, Address address, Instant now) {
    SiweChallengeEntity challenge = entityManager.find(SiweChallengeEntity.class, nonce);
    if (challenge == null
        || !challenge.address.equals(address.value())
        || !now.isBefore(challenge.expiresAt)) {
      throw nonceRefused();
    }
    return issued(address, nonce, challenge.issuedAt, challenge.expiresAt);
  }

  /** Deletes the challenge, so that of two sign-ins racing with one message only one succeeds. */
  private void consumeNonce(String nonce) {
    int consumed =
        entityManager
            .createQuery("delete from SiweChallengeEntity c where c.nonce = :nonce")
            .setParameter("nonce", nonce)
            .executeUpdate();
    if (consumed != 1) {
      throw nonceRefused();
    }
  }

  private static AuthenticationException nonceRefused() {
    return SiweRules.rejected("the nonce was not issued to this address, was used, or expired");
  }
}
