package org.cove.api.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.identity.AuthenticationException;
import org.cove.identity.Principal;
import org.cove.identity.Tokens;
import org.cove.shared.CoveException;
import org.cove.shared.ForbiddenException;
import org.cove.shared.ProblemType;

/**
 * Reads the caller from the Authorization header: {@code Bearer <token>}, or the bare token as
 * Ocean's client library sends it.
 */
@ApplicationScoped
public class Authentication {

  private Tokens tokens;

  @Inject
  Authentication(Tokens tokens) {
    this.tokens = tokens;
  }

  /** For CDI's proxy. */
  protected Authentication() {}

  public Principal require(String authorization) {
    String token = token(authorization);
    if (token == null) {
      throw new CoveException(
          ProblemType.UNAUTHENTICATED,
          "send Authorization: Bearer <token> (see /api/v1/auth/siwe)");
    }
    return tokens
        .authenticate(token)
        .orElseThrow(
            () ->
                new AuthenticationException(
                    AuthenticationException.INVALID_TOKEN, "sign in again for a new token"));
  }

  public Principal requireAdmin(String authorization) {
    Principal principal = require(authorization);
    if (!principal.isAdmin()) {
      throw new ForbiddenException("only admins may do this");
    }
    return principal;
  }

  public Optional<Principal> optional(String authorization) {
    return token(authorization) == null ? Optional.empty() : Optional.of(require(authorization));
  }

  static String token(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return null;
    }
    String value = authorization.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7).trim();
    }
    return value.isEmpty() ? null : value;
  }
}
