package org.cove.shared;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Optional;

/**
 * The root of every error Cove reports to its callers. Each module has a small family of
 * subclasses; the API maps them all, once, to problem responses. The detail is shown to the caller,
 * so it must never contain secrets or file locations.
 */
public class CoveException extends RuntimeException {

  private final ProblemType type;

  public CoveException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  public CoveException(ProblemType type, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  /** Members added to the problem response besides type, title, status and detail. */
  public JsonObject extensions() {
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  /** When the caller may usefully try again (a Retry-After header), if the error is passing. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
