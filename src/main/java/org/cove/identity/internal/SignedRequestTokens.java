package org.cove.identity.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cove.identity.AuthToken;
import org.cove.identity.OceanAuthTokens;
import org.cove.identity.SignedRequest;
import org.cove.identity.Tokens;
import org.cove.identity.Tokens.TokenOrigin;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.InvalidInputException;
import org.cove.shared.NotFoundException;

@ApplicationScoped
class SignedRequestTokens implements OceanAuthTokens {

  static final String CREATE = "createAuthToken";
  static final String INVALIDATE = "invalidateAuthToken";

  private OceanSignedRequests signedRequests;
  private Tokens tokens;
  private AuditTrail auditTrail;
  private Clock clock;

  @Inject
  SignedRequestTokens(
      OceanSignedRequests signedRequests, Tokens tokens, AuditTrail auditTrail, Clock clock) {
    this.signedRequests = signedRequests;
    this.tokens = tokens;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected SignedRequestTokens() {}

  @Override
  @Transactional
  public AuthToken generate(SignedRequest request, Long validUntilMillis) {
    Instant notAfter =
        validUntilMillis == null ? Instant.MAX : Instant.ofEpochMilli(validUntilMillis);
    if (!notAfter.isAfter(clock.instant())) {
      throw new InvalidInputException("validUntil is in the past");
    }
    Address address = signedRequests.verify(request, List.of(CREATE));
    AuthToken token = tokens.issue(address, TokenOrigin.SIGNED_REQUEST, notAfter);
    auditTrail.record(
        new AuditEvent(
            address,
            "signed-in",
            address.value(),
            JSON.createObjectBuilder().add("method", "signed-request").build(),
            Set.of()));
    return token;
  }

  @Override
  @Transactional
  public void invalidate(SignedRequest request, String token) {
    // ocean.js 8 signs the invalidation over address + nonce alone.
    Address address = signedRequests.verify(request, List.of(INVALIDATE, ""));
    if (!tokens.revoke(token, address)) {
      throw new NotFoundException("no such token for this address");
    }
  }
}
