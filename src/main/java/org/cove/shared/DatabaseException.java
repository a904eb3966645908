package org.cove.shared;

import java.sql.SQLException;

/**
 * The database failed or could not be reached. Callers may retry later: it becomes a 503 with
 * Retry-After, and the SQL error itself is logged, never shown.
 */
public class DatabaseException extends CoveException {

  public DatabaseException(SQLException cause) {
    super(ProblemType.UNAVAILABLE, "the database is not available, try again shortly", cause);
  }
}
