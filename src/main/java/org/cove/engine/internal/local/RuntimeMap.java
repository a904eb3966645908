package org.cove.engine.internal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cove.operator.JobSpec;

/**
 * Which host binary runs which container image (setting {@code cove.local.runtimes}): entries
 * {@code <image>:<tag glob>=<binary>}, comma-separated, first match wins. The image is compared
 * without its registry, {@code library/} prefix or digest, so {@code docker.io/library/python:3.11}
 * matches {@code python:*}.
 */
final class RuntimeMap {

  /** A mapped binary and the command names the algorithm can call it by. */
  record Runtime(Path binary, List<String> names) {

    /** What runs the algorithm when its container names no entrypoint. */
    String defaultEntrypoint() {
      return names.get(0) + " $ALGO";
    }
  }

  private record Rule(Pattern image, Pattern tag, Path binary, String label) {}

  private final List<Rule> rules;

  private RuntimeMap(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static RuntimeMap parse(String setting) {
    List<Rule> rules = new ArrayList<>();
    for (String entry : setting.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      int colon = entry.lastIndexOf(':', equals);
      if (equals < 0 || colon < 0) {
        throw new IllegalStateException(
            "cove.local.runtimes entries look like python:*=/usr/bin/python3, not " + entry.trim());
      }
      String image = entry.substring(0, colon).trim();
      rules.add(
          new Rule(
              glob(image),
              glob(entry.substring(colon + 1, equals).trim()),
              Path.of(entry.substring(equals + 1).trim()),
              image));
    }
    return new RuntimeMap(rules);
  }

  Optional<Runtime> find(String image, String tag) {
    String name = imageName(image);
    String version = tagOf(image, tag);
    return rules.stream()
        .filter(r -> r.image().matcher(name).matches() && r.tag().matcher(version).matches())
        .findFirst()
        .map(r -> new Runtime(r.binary(), namesFor(r.binary())));
  }

  /**
   * Why this engine cannot run the container, in words for the consumer: no mapping for its image,
   * the mapped binary missing, or (sandboxed) outside /usr, the only host tree the sandbox sees.
   */
  Optional<String> refusalFor(JobSpec.Container container, boolean sandboxed) {
    String image = container.image() + (container.tag().isBlank() ? "" : ":" + container.tag());
    Optional<Runtime> runtime = find(container.image(), container.tag());
    if (runtime.isEmpty()) {
      return Optional.of(
          "this server runs no image "
              + image
              + "; it runs "
              + rules.stream()
                  .map(Rule::label)
                  .distinct()
                  .reduce((a, b) -> a + ", " + b)
                  .orElse("none"));
    }
    Path binary = runtime.get().binary();
    if (!Files.isExecutable(binary)) {
      return Optional.of("the runtime for image " + image + " is not installed on this server");
    }
    if (sandboxed && !insideUsr(binary)) {
      return Optional.of("the runtime for image " + image + " cannot run in this server's sandbox");
    }
    return Optional.empty();
  }

  private static boolean insideUsr(Path binary) {
    try {
      return binary.toRealPath().startsWith("/usr/");
    } catch (IOException e) {
      return false;
    }
  }

  /** The image's repository name without registry host, {@code library/}, tag or digest. */
  static String imageName(String image) {
    String name = image.trim();
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        name = name.substring(slash + 1);
      }
    }
    if (name.startsWith("library/")) {
      name = name.substring("library/".length());
    }
    int colon = name.lastIndexOf(':');
    return colon >= 0 ? name.substring(0, colon) : name;
  }

  /** The tag given apart, else one written into the image name, else {@code latest}. */
  private static String tagOf(String image, String tag) {
    if (tag != null && !tag.isBlank()) {
      return tag.trim();
    }
    String name = image.trim();
    int at = name.indexOf('@');
    name = at >= 0 ? name.substring(0, at) : name;
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "latest";
  }

  /**
   * Command names that resolve to the binary in the sandbox: both spellings Ocean's algorithm
   * images offer ({@code python}/{@code python3}, {@code node}/{@code nodejs}); bash also answers
   * to {@code sh}.
   */
  static List<String> namesFor(Path binary) {
    String base = binary.getFileName().toString();
    if (base.startsWith("python")) {
      return List.of("python", "python3");
    }
    if (base.startsWith("node")) {
      return List.of("node", "nodejs");
    }
    if (base.equals("bash")) {
      return List.of("bash", "sh");
    }
    if (base.equals("dash") || base.equals("ash") || base.equals("busybox")) {
      return List.of("sh");
    }
    return List.of(base);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
