package org.cove.shared.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded server's roles, set at every start by its superuser: the superuser's password, and
 * the application role Cove runs as, which may log in and nothing more. That role owns nothing, so
 * it cannot alter, disable or drop the ledger's tables, triggers or functions, and as no superuser
 * it cannot set {@code session_replication_role} to switch triggers off; the after-migrate callback
 * grants it the rest. Setting everything again each time makes an older data directory (where Cove
 * ran as the superuser) and a current one end up alike.
 */
final class EmbeddedRoles {

  static final String SUPERUSER = "postgres";

  private EmbeddedRoles() {}

  static void secure(Connection superuser, String appRole, EmbeddedCredentials credentials)
      throws SQLException {
    if (appRole.equals(SUPERUSER)) {
      throw new IllegalStateException(
          "COVE_DB_USER names the embedded server's superuser: leave it unset, so that Cove runs"
              + " as a role that cannot rewrite its ledger");
    }
    try (Statement statement = superuser.createStatement()) {
      statement.execute("set password_encryption = 'scram-sha-256'");
      statement.execute(
          "alter role " + SUPERUSER + " password " + literal(credentials.ownerPassword()));
      if (!exists(superuser, appRole)) {
        statement.execute("create role " + identifier(appRole));
      }
      statement.execute(
          "alter role "
              + identifier(appRole)
              + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password "
              + literal(credentials.appPassword()));
      for (String granted : memberships(superuser, appRole)) {
        statement.execute("revoke " + identifier(granted) + " from " + identifier(appRole));
      }
      // PostgreSQL before 15 lets every role create objects in the public schema
      statement.execute("revoke create on schema public from public");
    }
  }

  /** Roles the application role is a member of: none is ever granted, whatever did it before. */
  private static List<String> memberships(Connection connection, String role) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select g.rolname from pg_auth_members m join pg_roles g on g.oid = m.roleid"
                + " join pg_roles r on r.oid = m.member where r.rolname = ?")) {
      select.setString(1, role);
      List<String> roles = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getString(1));
        }
      }
      return roles;
    }
  }

  private static boolean exists(Connection connection, String role) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      select.setString(1, role);
      return select.executeQuery().next();
    }
  }

  /** A role name as SQL writes it: letters, digits and underscores only, so nothing to escape. */
  private static String identifier(String role) {
    if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalStateException(
          "the embedded database's application role must be a lower-case SQL name");
    }
    return role;
  }

  /** Passwords are base64url ({@link EmbeddedCredentials}): quoting them needs no escapes. */
  private static String literal(String password) {
    if (!password.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalStateException("not a generated password");
    }
    return "'" + password + "'";
  }
}
