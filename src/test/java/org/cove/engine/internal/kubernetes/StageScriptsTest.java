package org.cove.engine.internal.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configure and publish pods' scripts, run for real with busybox (the helper image's tools;
 * Debian's busybox package, which the test command installs) against an HTTP server standing in for
 * Cove's stage endpoints: inputs and outputs must arrive byte for byte, with the job's token, and
 * failures must end with the exit codes the engine maps to statuses. busybox's {@code wget
 * --post-file} cut the outputs at their first NUL byte, which no mock-server test could see.
 */
class StageScriptsTest {

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
    server.createContext("/base/api/internal/jobs/job-1/datasets", e -> serve(e, datasets));
    server.createContext("/base/api/internal/jobs/job-1/algorithm", e -> serve(e, algorithm));
    server.start();
  }

  /** What Cove serves the configure pod; null: the job's inputs cannot be provided. */
  private byte[] datasets;

  private byte[] algorithm;

  private static void serve(com.sun.net.httpserver.HttpExchange exchange, byte[] content)
      throws IOException {
    boolean token =
        "Bearer token-of-job-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
    if (content == null || !token) {
      exchange.sendResponseHeaders(404, -1);
    } else {
      exchange.sendResponseHeaders(200, content.length);
      exchange.getResponseBody().write(content);
    }
    exchange.close();
  }

  @Test
  void the_configure_script_lays_out_binary_inputs_and_the_algorithm_read_only() throws Exception {
    byte[] binary = randomBytes(200_000);
    datasets =
        tar(
            Map.of(
                "inputs/0abc/0",
                binary,
                "inputs/algoCustomData.json",
                "{\"n\":2}".getBytes(UTF_8)));
    algorithm = "print('hello')\n".getBytes(UTF_8);
    Path data = temp.resolve("data");

    Run run = run(StageScripts.CONFIGURE, "/data", data);

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("configured");
    assertThat(Files.readAllBytes(data.resolve("inputs/0abc/0"))).isEqualTo(binary);
    assertThat(data.resolve("inputs/algoCustomData.json")).hasContent("{\"n\":2}");
    Path code = data.resolve("transformations/algorithm");
    assertThat(code).hasContent("print('hello')\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(code)))
        .isEqualTo("r--r--r--");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("outputs"))))
        .isEqualTo("rwxrwxrwx");
  }

  @Test
  void inputs_that_cannot_be_fetched_end_31_and_an_algorithm_that_cannot_end_32() throws Exception {
    algorithm = "print('hello')\n".getBytes(UTF_8);
    assertThat(run(StageScripts.CONFIGURE, "/data", temp.resolve("a")).exit()).isEqualTo(31);

    datasets = tar(Map.of("inputs/0abc/0", "x".getBytes(UTF_8)));
    algorithm = null;
    assertThat(run(StageScripts.CONFIGURE, "/data", temp.resolve("b")).exit()).isEqualTo(32);
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void binary_outputs_reach_cove_byte_for_byte_with_the_jobs_token() throws Exception {
    Path outputs = Files.createDirectories(temp.resolve("outputs"));
    byte[] binary = randomBytes(300_000);
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

  private Run publish(Path outputs) throws Exception {
    return run(StageScripts.PUBLISH, "/data/outputs", outputs);
  }

  /** A script as its pod runs it, {@code mounted} and /tmp being the test's directories. */
  private Run run(String script, String mounted, Path directory) throws Exception {
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    // the mount's path, not a longer word it begins (/data, not /datasets in a URL)
    String local =
        script
            .replace("/tmp/", tmp + "/")
            .replaceAll(
                Pattern.quote(mounted) + "(?![A-Za-z])",
                Matcher.quoteReplacement(directory.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(BUSYBOX.toString(), "sh", "-c", local).redirectErrorStream(true);
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
    Path bin = temp.resolve("bin");
    if (Files.isDirectory(bin)) {
      return bin;
    }
    Files.createDirectories(bin);
    for (String applet :
        List.of("sh", "tar", "wc", "nc", "head", "mkdir", "cat", "chmod", "wget")) {
      Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
    }
    return bin;
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    bytes[0] = 0;
    return bytes;
  }

  private static byte[] tar(Map<String, byte[]> files) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        out.putArchiveEntry(entry);
        out.write(file.getValue());
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
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
