package org.cove.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "identity_siwe_challenge")
class SiweChallengeEntity {

  @Id
  @Column(length = 64)
  String nonce;

  @Column(nullable = false, length = 42)
  String address;

  @Column(name = "issued_at", nullable = false)
  Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  Instant expiresAt;

  protected SiweChallengeEntity() {}

  SiweChallengeEntity(String nonce, String address, Instant issuedAt, Instant expiresAt) {
    this.nonce = nonce;
    this.address = address;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }
}
