package org.cove.engine.internal.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish pod's script, run for real with busybox (the helper image's tools: sh, tar, wc, nc,
 * head; Debian's busybox package, which the test command installs) against an HTTP server standing
 * in for Cove: binary outputs must arrive byte for byte, with the job's token. busybox's {@code
 * wget --post-file} cut them at the first NUL byte, which no mock-server test could see.
 */
class PublishScriptTest {

  private static final Path BUSYBOX = Path.of("/usr/bin/busybox");

  @TempDir Path temp;
  private HttpServer server;
  private final Map<String, String> received = new HashMap<>();
  private byte[] body;
  private int answer = 204;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/base/api/internal/jobs/job-1/outputs",
        exchange -> {
          received.put("method", exchange.getRequestMethod());
          received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
          received.put("type", exchange.getRequestHeaders().getFirst("Content-Type"));
          body = exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void binary_outputs_reach_cove_byte_for_byte_with_the_jobs_token() throws Exception {
    Path outputs = Files.createDirectories(temp.resolve("outputs"));
    byte[] binary = new byte[300_000];
    new Random(42).nextBytes(binary);
    binary[0] = 0;
    Files.write(outputs.resolve("model.bin"), binary);
    Files.createDirectories(outputs.resolve("tables"));
    Files.writeString(outputs.resolve("tables/summary.csv"), "a,b\n1,2\n");

    Run run = publish(outputs);

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("published");
    assertThat(received)
        .containsEntry("method", "POST")
        .containsEntry("authorization", "Bearer token-of-job-1")
        .containsEntry("type", "application/x-tar");
    Map<String, byte[]> files = untar(body);
    assertThat(files.keySet()).containsExactlyInAnyOrder("model.bin", "tables/summary.csv");
    assertThat(files.get("model.bin")).isEqualTo(binary);
    assertThat(new String(files.get("tables/summary.csv"), UTF_8)).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void a_refusal_fails_the_pod_with_coves_answer() throws Exception {
    answer = 413;
    Path outputs = Files.createDirectories(temp.resolve("outputs"));
    Files.writeString(outputs.resolve("big.txt"), "too much");

    Run run = publish(outputs);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("Cove did not take the outputs: HTTP/1.1 413");
  }

  private record Run(int exit, String output) {}

  /** The script as the pod runs it, its /data/outputs and /tmp being the test's directories. */
  private Run publish(Path outputs) throws Exception {
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    String script =
        JobManifests.PUBLISH_SCRIPT
            .replace("/tmp/", tmp + "/")
            .replace("/data/outputs", outputs.toString());
    ProcessBuilder builder =
        new ProcessBuilder(BUSYBOX.toString(), "sh", "-c", script).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", busyboxOnly().toString());
    builder
        .environment()
        .put("COVE_PROVIDER_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/base");
    builder.environment().put("COVE_JOB_ID", "job-1");
    builder.environment().put("COVE_JOB_TOKEN", "token-of-job-1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  /** A PATH with busybox's applets only, as in the helper image. */
  private Path busyboxOnly() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    for (String applet : List.of("sh", "tar", "wc", "nc", "head", "mkdir", "cat")) {
      Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
    }
    return bin;
  }

  private static Map<String, byte[]> untar(byte[] tar) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.isFile()) {
          files.put(entry.getName().replaceFirst("^\\./", ""), in.readAllBytes());
        }
      }
    }
    return files;
  }
}
