package org.cove.engine.internal.core;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Environments;
import org.cove.shared.LogSafe;

/**
 * How long a finished job's results are kept: its environment's {@code storageExpiry}, or seven
 * days where the environment is gone or sets none.
 */
public final class StorageExpiry {

  private static final Logger LOG = Logger.getLogger(StorageExpiry.class.getName());
  public static final Duration FALLBACK = Duration.ofDays(7);

  private final Environments environments;

  public StorageExpiry(Environments environments) {
    this.environments = environments;
  }

  /** Empty when the environments cannot be read now: results are kept, never deleted early. */
  public Optional<Duration> of(String environment) {
    try {
      return Optional.of(
          environments
              .find(environment)
              .map(ComputeEnvironment::storageExpiry)
              .filter(seconds -> seconds > 0)
              .map(Duration::ofSeconds)
              .orElse(FALLBACK));
    } catch (RuntimeException e) {
      LogSafe.log(LOG, Level.FINE, "Environments unavailable; expiry waits", e);
      return Optional.empty();
    }
  }
}
