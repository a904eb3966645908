package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import org.cove.operator.JobStatus;

/**
 * The resource's one condition, {@code Finished}: False while the job runs, True once it ended,
 * with the status text as message and its last change as transition time.
 */
final class Conditions {

  static final String FINISHED = "Finished";

  private Conditions() {}

  static void set(ComputeJobStatus status, JobStatus reached, Instant at) {
    String value = reached.terminal() ? "True" : "False";
    Condition current =
        status.conditions.stream()
            .filter(c -> FINISHED.equals(c.getType()))
            .findFirst()
            .orElse(null);
    String since =
        current != null && value.equals(current.getStatus())
            ? current.getLastTransitionTime()
            : at.toString();
    status.conditions.removeIf(c -> FINISHED.equals(c.getType()));
    status.conditions.add(
        new ConditionBuilder()
            .withType(FINISHED)
            .withStatus(value)
            .withReason(Phases.of(reached))
            .withMessage(reached.text())
            .withLastTransitionTime(since)
            .build());
  }
}
