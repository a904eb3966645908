package org.cove.shared.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir Path data;

  @Test
  void theEmbeddedServerWritesThroughToDiskSoACrashCannotCorruptIt() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase ignored = EmbeddedDatabase.start(data, port)) {
      assertEquals("on", setting(port, "fsync"));
      assertEquals("on", setting(port, "full_page_writes"));
    }
  }

  @Test
  void whatWasCommittedIsThereAfterARestart() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase ignored = EmbeddedDatabase.start(data, port)) {
      execute(port, "create table kept (value text)");
      execute(port, "insert into kept values ('committed')");
    }
    try (EmbeddedDatabase ignored = EmbeddedDatabase.start(data, port)) {
      assertEquals("committed", query(port, "select value from kept"));
    }
  }

  private static String setting(int port, String name) throws SQLException {
    return query(port, "show " + name);
  }

  private static String query(int port, String sql) throws SQLException {
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void execute(int port, String sql) throws SQLException {
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect(int port) throws SQLException {
    return DriverManager.getConnection(DatabaseSettings.embeddedUrl(port), "postgres", "postgres");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
