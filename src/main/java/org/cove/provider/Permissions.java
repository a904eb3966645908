package org.cove.provider;

import java.util.Optional;
import org.cove.shared.Address;

/**
 * The one place that decides who may run what on a dataset and who may download what. Pure: it
 * reads only its arguments, so every rule and combination is unit-tested, and every path (compute,
 * download, the portal's summaries) asks it.
 */
public final class Permissions {

  private Permissions() {}

  /** May {@code consumer} run {@code algorithm} on the dataset's compute service? */
  public static Decision mayRun(
      Asset dataset, String serviceId, AlgorithmChoice algorithm, Address consumer) {
    Optional<Reason> unusable = usable(dataset, consumer);
    if (unusable.isPresent()) {
      return new Decision(unusable);
    }
    Optional<Service> service = dataset.service(serviceId);
    if (service.isEmpty()) {
      return Decision.refused(Reason.SERVICE_NOT_FOUND);
    }
    if (service.get().type() != ServiceType.COMPUTE) {
      return Decision.refused(Reason.NOT_A_COMPUTE_SERVICE);
    }
    ComputeOptions options = service.get().compute().orElse(ComputeOptions.privateByDefault());
    return new Decision(trust(options, algorithm, consumer));
  }

  /**
   * May {@code consumer} download the files of the service? The publisher always may; others only
   * from an access service of a usable asset.
   */
  public static Decision mayDownload(Asset asset, String serviceId, Address consumer) {
    Optional<Service> service = asset.service(serviceId);
    if (service.isEmpty()) {
      return Decision.refused(Reason.SERVICE_NOT_FOUND);
    }
    if (asset.publisher().equals(consumer)) {
      return Decision.ALLOWED;
    }
    Optional<Reason> refusal = usable(asset, consumer);
    if (refusal.isPresent()) {
      return new Decision(refusal);
    }
    return service.get().type() == ServiceType.COMPUTE
        ? Decision.refused(Reason.COMPUTE_ONLY)
        : Decision.ALLOWED;
  }

  /** Whether an asset can be used by this account at all: active, and its credentials admit it. */
  public static Optional<Reason> usable(Asset asset, Address account) {
    if (asset.state() == AssetState.DISABLED) {
      return Optional.of(Reason.ASSET_DISABLED);
    }
    if (asset.credentials().deny().contains(account)) {
      return Optional.of(Reason.CONSUMER_DENIED);
    }
    if (!asset.credentials().allow().isEmpty() && !asset.credentials().allow().contains(account)) {
      return Optional.of(Reason.CONSUMER_NOT_ALLOWED);
    }
    return Optional.empty();
  }

  private static Optional<Reason> trust(
      ComputeOptions options, AlgorithmChoice choice, Address consumer) {
    if (choice instanceof AlgorithmChoice.Raw) {
      return options.allowRawAlgorithm()
          ? Optional.empty()
          : Optional.of(Reason.NO_RAW_ALGO_ALLOWED);
    }
    AlgorithmChoice.Published published = (AlgorithmChoice.Published) choice;
    Asset algorithm = published.algorithm();
    if (!algorithm.isAlgorithm() || algorithm.metadata().algorithm().isEmpty()) {
      return Optional.of(Reason.NOT_ALGO);
    }
    if (algorithm.state() == AssetState.DISABLED) {
      return Optional.of(Reason.ALGORITHM_DISABLED);
    }
    Optional<Reason> credentials = usable(algorithm, consumer);
    if (credentials.isPresent()) {
      return credentials;
    }
    if (!published.onThisProvider() && isPrivate(algorithm)) {
      return Optional.of(Reason.ALGORITHM_NOT_ON_THIS_PROVIDER);
    }
    if (trustsPublisher(options, algorithm.publisher())) {
      return Optional.empty();
    }
    return trustedAlgorithmRefusal(options, algorithm);
  }

  private static boolean isPrivate(Asset algorithm) {
    return algorithm.services().stream().noneMatch(s -> s.type() == ServiceType.ACCESS);
  }

  private static boolean trustsPublisher(ComputeOptions options, Address publisher) {
    return options.trustedPublishers().stream()
        .anyMatch(p -> p.equals(TrustedAlgorithm.ANY) || p.equalsIgnoreCase(publisher.value()));
  }

  /**
   * Empty when some entry matches the algorithm's DID and both checksums; otherwise the most
   * specific reason: a checksum mismatch when an entry names the DID, else not trusted.
   */
  private static Optional<Reason> trustedAlgorithmRefusal(ComputeOptions options, Asset algorithm) {
    String filesChecksum = algorithm.filesChecksum().orElse("");
    String containerChecksum =
        algorithm.metadata().algorithm().orElseThrow().container().sectionChecksum();
    Optional<Reason> mismatch = Optional.empty();
    for (TrustedAlgorithm entry : options.trustedAlgorithms()) {
      if (!matches(entry.did(), algorithm.did().value())) {
        continue;
      }
      if (!matches(entry.filesChecksum(), filesChecksum)) {
        mismatch = mismatch.or(() -> Optional.of(Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH));
      } else if (!matches(entry.containerSectionChecksum(), containerChecksum)) {
        mismatch = mismatch.or(() -> Optional.of(Reason.ALGORITHM_CONTAINER_CHECKSUM_MISMATCH));
      } else {
        return Optional.empty();
      }
    }
    if (mismatch.isPresent()) {
      return mismatch;
    }
    return options.trustedAlgorithms().isEmpty() && !options.trustedPublishers().isEmpty()
        ? Optional.of(Reason.NOT_TRUSTED_ALGO_PUBLISHER)
        : Optional.of(Reason.NOT_TRUSTED_ALGO);
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals(TrustedAlgorithm.ANY) || pattern.equalsIgnoreCase(value);
  }

  private static boolean matches(Optional<String> pattern, String value) {
    return pattern.map(p -> matches(p, value)).orElse(true);
  }
}
