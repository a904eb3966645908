package org.cove.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cove.identity.Accounts;
import org.cove.identity.AuthToken;
import org.cove.identity.Principal;
import org.cove.identity.Tokens;
import org.cove.shared.Address;
import org.cove.shared.Hashes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens in {@link TokenFormat}; the database keeps only their SHA-256 and decides whether a token
 * is still valid.
 */
@ApplicationScoped
class JpaTokens implements Tokens {

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private Accounts accounts;
  private ProviderKey providerKey;
  private Clock clock;
  private long ttlSeconds;

  @Inject
  JpaTokens(
      Accounts accounts,
      ProviderKey providerKey,
      Clock clock,
      @ConfigProperty(name = "cove.token.ttl.seconds", defaultValue = "3600") long ttlSeconds) {
    this.accounts = accounts;
    this.providerKey = providerKey;
    this.clock = clock;
    this.ttlSeconds = ttlSeconds;
  }

  /** For CDI's proxy. */
  protected JpaTokens() {}

  @Override
  @Transactional
  public AuthToken issue(Address address, TokenOrigin origin) {
    return issue(address, origin, Instant.MAX);
  }

  @Override
  @Transactional
  public AuthToken issue(Address address, TokenOrigin origin, Instant notAfter) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant lifetimeEnd = now.plus(Duration.ofSeconds(ttlSeconds));
    Instant expiresAt = notAfter.isBefore(lifetimeEnd) ? notAfter : lifetimeEnd;
    String token =
        TokenFormat.issue(
            providerKey.tokenKey(),
            PersonalSign.checksummed(address),
            now,
            expiresAt,
            Randoms.base64Url(18));
    entityManager.persist(
        new AuthTokenEntity(hash(token), address.value(), origin.name(), now, expiresAt));
    entityManager
        .createQuery("delete from AuthTokenEntity t where t.expiresAt < :cutoff")
        .setParameter("cutoff", now.minus(Duration.ofDays(1)))
        .executeUpdate();
    return new AuthToken(token, address, expiresAt);
  }

  /** A read on every authenticated request: it joins a transaction but never begins one. */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Principal> authenticate(String token) {
    if (!TokenFormat.isSignedWith(providerKey.tokenKey(), token)) {
      return Optional.empty();
    }
    AuthTokenEntity entity = entityManager.find(AuthTokenEntity.class, hash(token));
    if (entity == null || !entity.isValidAt(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(accounts.principal(new Address(entity.address)));
  }

  @Override
  @Transactional
  public boolean revoke(String token, Address owner) {
    if (!TokenFormat.isSignedWith(providerKey.tokenKey(), token)) {
      return false;
    }
    AuthTokenEntity entity = entityManager.find(AuthTokenEntity.class, hash(token));
    if (entity == null || !entity.address.equals(owner.value())) {
      return false;
    }
    if (entity.revokedAt == null) {
      entity.revokedAt = clock.instant();
    }
    return true;
  }

  private static String hash(String token) {
    return Hashes.sha256Hex(token);
  }
}
