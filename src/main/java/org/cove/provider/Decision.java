package org.cove.provider;

import java.util.Optional;

/** A permission answer: allowed, or refused for a reason. */
public record Decision(Optional<Reason> refusal) {

  public static final Decision ALLOWED = new Decision(Optional.empty());

  public static Decision refused(Reason reason) {
    return new Decision(Optional.of(reason));
  }

  public boolean allowed() {
    return refusal.isEmpty();
  }
}
