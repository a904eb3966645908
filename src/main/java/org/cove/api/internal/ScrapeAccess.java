package org.cove.api.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /metrics}: an admin with a bearer token, or a scraper sending the configured
 * {@code cove.metrics.token} the same way ({@code Authorization: Bearer <token>}, as Prometheus's
 * {@code authorization} setting sends it). Without a configured token, admins only.
 */
@ApplicationScoped
class ScrapeAccess {

  private Authentication authentication;
  private byte[] scrapeToken;

  @Inject
  ScrapeAccess(
      Authentication authentication,
      @ConfigProperty(name = "cove.metrics.token") Optional<String> scrapeToken) {
    this.authentication = authentication;
    this.scrapeToken = scrapeToken.map(String::trim).orElse("").getBytes(StandardCharsets.UTF_8);
  }

  /** For CDI's proxy. */
  protected ScrapeAccess() {}

  /** Returns when the caller may scrape; otherwise throws the 401 or 403 problem to answer. */
  void require(String authorization) {
    String token = Authentication.token(authorization);
    if (token != null && isScrapeToken(token)) {
      return;
    }
    authentication.requireAdmin(authorization);
  }

  /** Compared in constant time, so that answer times give nothing of the token away. */
  private boolean isScrapeToken(String token) {
    return scrapeToken.length > 0
        && MessageDigest.isEqual(scrapeToken, token.getBytes(StandardCharsets.UTF_8));
  }
}
