package org.cove.operator;

import java.util.Optional;

/**
 * What the engine says about itself: whether it accepts jobs (and if not, why), and a warning to
 * show prominently when it runs with less isolation than it should.
 */
public record EngineHealth(
    boolean acceptsJobs, Optional<String> refusal, Optional<String> warning) {

  public static EngineHealth ready() {
    return new EngineHealth(true, Optional.empty(), Optional.empty());
  }
}
