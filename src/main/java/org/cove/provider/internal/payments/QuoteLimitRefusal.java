package org.cove.provider.internal.payments;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.cove.provider.ProviderException;
import org.cove.shared.ProblemType;

/**
 * A consumer asked for more quotes than Cove keeps for one account at a time. Both initialize
 * endpoints are public, so without this bound anyone could fill the quote table; the consumer can
 * ask again once their oldest quote expires ({@code Retry-After}).
 */
final class QuoteLimitRefusal extends ProviderException {

  static final ProblemType TOO_MANY_QUOTES =
      new ProblemType("too-many-quotes", 429, "Too many outstanding quotes");

  static final String REASON = "quote_limit";

  private final Duration retryAfter;

  QuoteLimitRefusal(int limit, Duration retryAfter) {
    super(
        TOO_MANY_QUOTES,
        REASON
            + ": this account already has "
            + limit
            + " unexpired quotes; pay or wait for one to expire, then ask again");
    this.retryAfter = retryAfter;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
  }

  @Override
  public JsonObject extensions() {
    return JSON.createObjectBuilder().add("reason", REASON).build();
  }
}
