package org.cove.portal.internal;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.JobSpec;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ComputeRequest.AlgorithmRef;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.ComputeRequest.RawAlgorithm;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * What the compute form says, before it is a request: a published algorithm or pasted code (code
 * wins when both are there, as the form shows only one), the environment, and the job's settings. A
 * choice may still be missing; the provider checks everything else.
 */
record ComputeChoices(
    Optional<Did> algorithm,
    Optional<RawAlgorithm> code,
    Optional<String> environment,
    List<JobSpec.ResourceAmount> resources,
    Optional<Long> maxDuration,
    JsonObject parameters,
    boolean free) {

  /** What the consumer must choose before the provider can be asked, in the form's order. */
  Optional<String> missing() {
    if (code.isEmpty() && algorithm.isEmpty()) {
      return Optional.of("Choose an algorithm first.");
    }
    if (environment.isEmpty()) {
      return Optional.of("Choose an environment first.");
    }
    return Optional.empty();
  }

  /**
   * The request for one dataset's service; nothing is paid for yet.
   *
   * @throws IllegalStateException while a choice is {@link #missing()}
   */
  ComputeRequest request(Address consumer, DatasetRef dataset) {
    missing()
        .ifPresent(
            choice -> {
              throw new IllegalStateException(choice);
            });
    AlgorithmRef ref =
        code.map(raw -> new AlgorithmRef(Optional.empty(), Optional.empty(), Optional.of(raw)))
            .orElseGet(() -> AlgorithmRef.published(algorithm.get()));
    return new ComputeRequest(
        consumer,
        List.of(dataset),
        ref,
        environment.get(),
        resources,
        maxDuration,
        parameters,
        Set.of(),
        free,
        false);
  }
}
