package org.cove.api.internal;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.CoveException;
import org.cove.shared.DatabaseException;
import org.cove.shared.LogSafe;
import org.cove.shared.ProblemType;

/**
 * Everything else. Body parsing failures are the client's (400); a database that cannot be reached
 * is a 503 with Retry-After; anything left is a bug, logged with an id the caller can quote, never
 * shown.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    CoveException cause = coveCause(exception);
    if (cause != null) {
      return new CoveExceptionMapper().toResponse(cause);
    }
    if (isUnreadableBody(exception)) {
      return Problems.response(ProblemType.INVALID_REQUEST, "the request body is not valid JSON");
    }
    if (isMisshapenBody(exception)) {
      // The runtime's message lists the arguments, headers included: never log it.
      return Problems.response(
          ProblemType.INVALID_REQUEST, "the request body does not have the expected shape");
    }
    if (DatabaseException.isUnavailable(exception)) {
      LogSafe.log(LOG, Level.WARNING, "Database unavailable", exception);
      return Problems.response(
          ProblemType.UNAVAILABLE, "the database is not available, try again shortly");
    }
    String id = UUID.randomUUID().toString();
    LogSafe.log(LOG, Level.SEVERE, "Unexpected error " + id, exception);
    return Problems.response(ProblemType.INTERNAL, "error id " + id);
  }

  /** Interceptors (transactions) may wrap a module's own exception. */
  private static CoveException coveCause(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof CoveException cove) {
        return cove;
      }
    }
    return null;
  }

  /**
   * A JSON array where an object is expected, and the like: the method cannot be invoked.
   * JsonBodyGuard refuses such bodies first; this is the fallback. The JDK's reflection says
   * "argument type mismatch" for a method's first fifteen calls, then (once it has generated an
   * accessor) names a ClassCastException instead.
   */
  private static boolean isMisshapenBody(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException
          && (t.getCause() instanceof ClassCastException
              || "argument type mismatch".equals(t.getMessage())
              || String.valueOf(t.getMessage()).startsWith(ClassCastException.class.getName()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnreadableBody(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof JsonbException
          || t instanceof JsonException
          || t instanceof ProcessingException) {
        return true;
      }
    }
    return false;
  }
}
