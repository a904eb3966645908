package org.cove.operator;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * Everything an engine needs to run a job, fixed when the provider accepted it: who owns it, the
 * datasets (the first is the one whose compute service was asked; the others are {@code
 * additionalDatasets}), the algorithm, the environment and resources, the deadline of the algorithm
 * stage, the consumer's parameters ({@code algoCustomData.json}), who else may read the results,
 * whether the algorithm may use the network, and whether the output becomes an asset.
 */
public record JobSpec(
    Address owner,
    List<Input> datasets,
    Algorithm algorithm,
    String environment,
    List<ResourceAmount> resources,
    Duration maxDuration,
    JsonObject algoCustomData,
    Set<Address> additionalViewers,
    boolean allowNetwork,
    boolean publishOutput) {

  public JobSpec {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(algoCustomData, "algoCustomData");
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("a job needs at least one dataset");
    }
    datasets = List.copyOf(datasets);
    resources = List.copyOf(resources);
    additionalViewers = Set.copyOf(additionalViewers);
  }

  /** A dataset the job reads: its files appear under {@code /data/inputs/<did>/<n>}. */
  public record Input(Did did, String serviceId, Address publisher) {}

  /**
   * The algorithm: a published asset ({@code did} present) or raw code sent with the request. The
   * container says which runtime runs it; {@code $ALGO} in the entrypoint is its code.
   */
  public record Algorithm(
      Optional<Did> did,
      Optional<String> serviceId,
      Optional<Address> publisher,
      Container container,
      Optional<String> rawCode) {

    public boolean raw() {
      return did.isEmpty();
    }

    /** What the ledger and job lists show: the DID, or "raw". */
    public String label() {
      return did.map(Did::value).orElse("raw");
    }
  }

  /** Where the algorithm runs; the image is pinned by {@code checksum} ("sha256:…"). */
  public record Container(String image, String tag, String checksum, String entrypoint) {}

  /** An amount of one resource of the environment: cpu (cores), ram and disk (GB), gpu. */
  public record ResourceAmount(String id, double amount) {}

  public double amount(String resource, double fallback) {
    return resources.stream()
        .filter(r -> r.id().equals(resource))
        .mapToDouble(ResourceAmount::amount)
        .findFirst()
        .orElse(fallback);
  }

  /** Who may read the job and its results: the owner and the additional viewers. */
  public boolean mayRead(Address account) {
    return owner.equals(account) || additionalViewers.contains(account);
  }

  /** Whether the job reads the asset: as one of its datasets, or as its algorithm. */
  public boolean uses(Did asset) {
    return algorithm.did().filter(asset::equals).isPresent()
        || datasets.stream().anyMatch(d -> d.did().equals(asset));
  }

  /**
   * Whether the account published one of the job's datasets (and so sees the job, not its results).
   */
  public boolean onDatasetsOf(Address account) {
    return datasets.stream().anyMatch(d -> d.publisher().equals(account));
  }
}
