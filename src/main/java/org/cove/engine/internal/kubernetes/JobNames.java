package org.cove.engine.internal.kubernetes;

import java.util.Locale;
import java.util.Map;
import org.cove.operator.JobId;

/**
 * The deterministic names and the labels of everything the engine creates for a job. A name is
 * fixed by the job, the stage and the attempt, so creating it twice (after a crash, or by two
 * engines) is harmless: the second create is refused as already existing.
 */
final class JobNames {

  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String ENGINE = "cove-engine";
  static final String JOB = "cove.org/job";
  static final String OWNER = "cove.org/owner";
  static final String STAGE = "cove.org/stage";
  static final String NETWORK = "cove.org/network";

  private JobNames() {}

  static String pod(JobId id, Stage stage, int attempt) {
    return id.value() + "-" + stage.label() + "-" + attempt;
  }

  static String volume(JobId id) {
    return id.value() + "-data";
  }

  static String tokenSecret(JobId id) {
    return id.value() + "-token";
  }

  static String networkPolicy(JobId id) {
    return id.value() + "-no-egress";
  }

  /** The labels every object of the job carries (the resource itself too). */
  static Map<String, String> labels(JobId id, String owner) {
    return Map.of(MANAGED_BY, ENGINE, JOB, id.value(), OWNER, owner.toLowerCase(Locale.ROOT));
  }

  /** The selector of the engine's own objects, which its informers watch. */
  static Map<String, String> managed() {
    return Map.of(MANAGED_BY, ENGINE);
  }
}
