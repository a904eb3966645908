package org.cove.provider;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.JobSpec;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * What a consumer asks to run: on which datasets (the first one's compute service; the others are
 * Ocean's {@code additionalDatasets}), which algorithm, where, with which resources, for at most
 * how long (seconds; absent: the environment's limit), with which parameters, and who else may read
 * the results. {@code free} is Ocean's freeStartCompute.
 */
public record ComputeRequest(
    Address consumer,
    List<DatasetRef> datasets,
    AlgorithmRef algorithm,
    String environment,
    List<JobSpec.ResourceAmount> resources,
    Optional<Long> maxJobDuration,
    JsonObject algoCustomData,
    Set<Address> additionalViewers,
    boolean free,
    boolean publishOutput) {

  public ComputeRequest {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(environment, "environment");
    datasets = List.copyOf(datasets);
    resources = List.copyOf(resources);
    additionalViewers = Set.copyOf(additionalViewers);
  }

  /** A dataset and the service of it to use. */
  public record DatasetRef(Did did, String serviceId) {}

  /** A published algorithm ({@code did}, optionally its service) or raw code with a container. */
  public record AlgorithmRef(
      Optional<Did> did, Optional<String> serviceId, Optional<RawAlgorithm> raw) {

    public static AlgorithmRef published(Did did) {
      return new AlgorithmRef(Optional.of(did), Optional.empty(), Optional.empty());
    }
  }

  /** Code sent with the request, to run in {@code container}. */
  public record RawAlgorithm(Container container, String code) {}
}
