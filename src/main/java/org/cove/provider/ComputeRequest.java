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
 * the results. {@code free} is Ocean's freeStartCompute. Priced items name the transaction that
 * paid them ({@code transferTxId}): each dataset and the algorithm in their references, the
 * environment's fee in {@code environmentTxId}.
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
    boolean publishOutput,
    Optional<String> environmentTxId) {

  public ComputeRequest {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(environment, "environment");
    datasets = List.copyOf(datasets);
    resources = List.copyOf(resources);
    additionalViewers = Set.copyOf(additionalViewers);
    Objects.requireNonNull(environmentTxId, "environmentTxId");
  }

  /** A request that names no payment for the environment. */
  public ComputeRequest(
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
    this(
        consumer,
        datasets,
        algorithm,
        environment,
        resources,
        maxJobDuration,
        algoCustomData,
        additionalViewers,
        free,
        publishOutput,
        Optional.empty());
  }

  /** A dataset and the service of it to use. */
  public record DatasetRef(Did did, String serviceId, Optional<String> transferTxId) {
    public DatasetRef(Did did, String serviceId) {
      this(did, serviceId, Optional.empty());
    }
  }

  /** A published algorithm ({@code did}, optionally its service) or raw code with a container. */
  public record AlgorithmRef(
      Optional<Did> did,
      Optional<String> serviceId,
      Optional<RawAlgorithm> raw,
      Optional<String> transferTxId) {

    public AlgorithmRef(Optional<Did> did, Optional<String> serviceId, Optional<RawAlgorithm> raw) {
      this(did, serviceId, raw, Optional.empty());
    }

    public static AlgorithmRef published(Did did) {
      return new AlgorithmRef(Optional.of(did), Optional.empty(), Optional.empty());
    }
  }

  /** Code sent with the request, to run in {@code container}. */
  public record RawAlgorithm(Container container, String code) {}
}
