package org.cove.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "identity_token")
class AuthTokenEntity {

  @Id
  @Column(name = "token_hash", length = 64)
  String tokenHash;

  @Column(nullable = false, length = 42)
  String address;

  @Column(nullable = false, length = 16)
  String origin;

  @Column(name = "issued_at", nullable = false)
  Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  Instant expiresAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  protected AuthTokenEntity() {}

  AuthTokenEntity(
      String tokenHash, String address, String origin, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.address = address;
    this.origin = origin;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
