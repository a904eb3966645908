package org.cove.shared;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The database failed. When it cannot be reached (connection errors, shutdown, out of resources)
 * callers may retry later: a 503 with Retry-After. Anything else is a bug, a 500. Either way the
 * SQL error itself is logged, never shown.
 */
public class DatabaseException extends CoveException {

  public DatabaseException(SQLException cause) {
    super(
        isUnavailable(cause) ? ProblemType.UNAVAILABLE : ProblemType.INTERNAL,
        isUnavailable(cause)
            ? "the database is not available, try again shortly"
            : "a database operation failed",
        cause);
  }

  /**
   * Whether the failure means the database cannot be reached: SQLState classes 08 (connection), 53
   * (insufficient resources) and 57P (shutdown), or the JDBC transient/recoverable types.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
