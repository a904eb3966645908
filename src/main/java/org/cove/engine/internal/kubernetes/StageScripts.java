package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The configure and publish pods' scripts, for busybox's {@code sh}. They are resource files beside
 * this class ({@code configure.sh}, {@code publish.sh}) so that they read as shell rather than as
 * escaped Java strings; {@code StageScriptsTest} runs these same strings under busybox.
 */
final class StageScripts {

  /** Fetches the datasets and parameters, then the algorithm; exit 31 or 32 says which failed. */
  static final String CONFIGURE = read("configure.sh");

  /** Streams the outputs to Cove as one HTTP request through {@code nc}. */
  static final String PUBLISH = read("publish.sh");

  private StageScripts() {}

  private static String read(String name) {
    try (InputStream in = StageScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the stage script " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    } catch (IOException e) {
      throw new UncheckedIOException("the stage script " + name + " cannot be read", e);
    }
  }
}
