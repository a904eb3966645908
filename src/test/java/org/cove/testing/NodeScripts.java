package org.cove.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node script from src/test/js (where the build installed ocean.js and ethers) and returns
 * the JSON summary it prints, after checking it exited 0 and said ok. Secrets go in the
 * environment, never on the command line.
 */
public final class NodeScripts {

  public static final Path JS_DIR = Path.of(System.getProperty("cove.it.js.dir", "src/test/js"));

  /** A guard against a hung process, not a timing assertion. */
  private static final long CAP_MINUTES = 4;

  private NodeScripts() {}

  public static JsonObject run(String script, Map<String, String> environment, Path temp)
      throws IOException, InterruptedException {
    Path stdout = temp.resolve(script + ".out");
    Path stderr = temp.resolve(script + ".err");
    ProcessBuilder builder =
        new ProcessBuilder("node", script)
            .directory(JS_DIR.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    Process node;
    try {
      node = builder.start();
    } catch (IOException e) {
      return fail("cannot run node (bin/test installs it): " + e.getMessage(), e);
    }
    boolean finished = node.waitFor(CAP_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      node.destroyForcibly().waitFor();
    }
    String output =
        "node "
            + script
            + "\n--- stdout\n"
            + Files.readString(stdout, StandardCharsets.UTF_8)
            + "--- stderr\n"
            + Files.readString(stderr, StandardCharsets.UTF_8);
    System.out.print(output);
    assertThat(finished)
        .as("%s finished within %d minutes\n%s", script, CAP_MINUTES, output)
        .isTrue();
    assertThat(node.exitValue()).as("exit code of %s\n%s", script, output).isZero();
    JsonObject summary =
        Json.createReader(new StringReader(Files.readString(stdout, StandardCharsets.UTF_8)))
            .readObject();
    assertThat(summary.getBoolean("ok")).as("the summary says ok\n%s", output).isTrue();
    return summary;
  }
}
