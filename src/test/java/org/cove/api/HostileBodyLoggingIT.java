package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cove.testing.CoveClient;
import org.cove.testing.OpenApiOperations;
import org.cove.testing.OpenApiOperations.Operation;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;

/**
 * A hostile body cannot slow or block logging (issue 16: a top-level array 500 deep was written
 * whole into one warning line, and the console's colouring of it held every request that logged for
 * 22 minutes). Sent to every operation that reads JSON, each answer comes back quickly and the
 * server's log gains no line longer than a bound and no control character of the client's.
 */
class HostileBodyLoggingIT {

  /** Longer than any line Cove or Liberty writes of its own, far shorter than the bodies. */
  private static final int MAX_LINE = 2_000;

  private static final Duration QUICK = Duration.ofSeconds(5);

  private final CoveClient cove = new CoveClient();

  @Test
  void hostile_bodies_are_answered_quickly_and_leave_only_short_log_lines() throws IOException {
    Path logs = Path.of(System.getProperty("cove.it.server.dir"), "logs");
    Map<Path, Long> before = new LinkedHashMap<>();
    for (Path log : List.of(logs.resolve("messages.log"), logs.resolve("console.log"))) {
      before.put(log, Files.exists(log) ? Files.size(log) : 0L);
    }
    String megabyte = "\\u001b[31m" + "a".repeat(1_000_000);
    Map<String, String> bodies =
        Map.of(
            "a top-level array 500 deep around a megabyte of text",
            "[".repeat(500) + "\"" + megabyte + "\"" + "]".repeat(500),
            "a megabyte of text in a field",
            "{\"name\": \"" + megabyte + "\", \"message\": \"x\"}",
            "a megabyte of text as a field name",
            "{\"" + megabyte + "\": \"\\u0000\"}");
    String admin = cove.signIn(TestWallet.of(System.getProperty("cove.it.admin.key")));
    int sent = 0;

    for (Operation operation : operations()) {
      if (!operation.readsJson()) {
        continue;
      }
      for (Map.Entry<String, String> body : bodies.entrySet()) {
        long started = System.nanoTime();
        CoveClient.Response response =
            cove.send(
                cove.request(operation.pathWith("x"))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .method(
                        operation.method(), HttpRequest.BodyPublishers.ofString(body.getValue())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String as = operation + ", " + body.getKey() + ": " + response.status();
        assertThat(response.status()).as(as).isLessThan(500);
        assertThat(took).as(as).isLessThan(QUICK);
        assertThat(response.body().length()).as(as).isLessThan(MAX_LINE);
        sent++;
      }
    }

    assertThat(sent).isGreaterThan(10);
    for (Map.Entry<Path, Long> log : before.entrySet()) {
      for (String line : linesSince(log.getKey(), log.getValue())) {
        assertThat(line.length())
            .as(log.getKey() + ": " + line.substring(0, Math.min(200, line.length())))
            .isLessThan(MAX_LINE);
        assertThat(line)
            .as(log.getKey().toString())
            .doesNotContain("\u001b[31m")
            .doesNotContain("aaaaaaaaaa".repeat(20));
      }
    }
    System.out.println(
        "HostileBodyLoggingIT: "
            + sent
            + " hostile bodies, each answered in under "
            + QUICK.toSeconds()
            + " s, no log line of "
            + MAX_LINE
            + " characters or more");
  }

  private List<Operation> operations() {
    CoveClient.Response document =
        cove.send(cove.request("/openapi?format=JSON").header("Accept", "application/json").GET());
    return OpenApiOperations.of(Json.createReader(new StringReader(document.body())).readObject());
  }

  /** What the log gained since it held {@code offset} bytes. */
  private static List<String> linesSince(Path log, long offset) throws IOException {
    if (!Files.exists(log)) {
      return List.of();
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = file.length() < offset ? 0 : offset; // rolled over meanwhile: all of the new one
      byte[] added = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(added);
      return new String(added, StandardCharsets.UTF_8).lines().toList();
    }
  }
}
