package org.cove.engine.internal.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Which backend runs jobs: {@code cove.engine} when it names one ({@code local} or {@code
 * kubernetes}); when it is unset or {@code auto}, {@code kubernetes} inside a cluster (where
 * Kubernetes sets {@code KUBERNETES_SERVICE_HOST} in every pod) and {@code local} everywhere else.
 */
public enum EngineChoice {
  LOCAL,
  KUBERNETES;

  public static EngineChoice of(Optional<String> configured, Optional<String> serviceHost) {
    String value = configured.map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("auto");
    return switch (value) {
      case "local" -> LOCAL;
      case "kubernetes" -> KUBERNETES;
      case "", "auto" -> serviceHost.filter(h -> !h.isBlank()).isPresent() ? KUBERNETES : LOCAL;
      default ->
          throw new IllegalArgumentException(
              "cove.engine must be local, kubernetes or auto, not " + value);
    };
  }

  /** The choice for this process's configuration and environment. */
  public static EngineChoice current(Optional<String> configured) {
    return of(configured, Optional.ofNullable(System.getenv("KUBERNETES_SERVICE_HOST")));
  }
}
