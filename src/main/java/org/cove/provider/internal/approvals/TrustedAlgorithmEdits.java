package org.cove.provider.internal.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Service;
import org.cove.provider.TrustedAlgorithm;

/**
 * How a decision changes a compute service's trusted algorithms: approving pins the algorithm to
 * the checksums that were reviewed, replacing any entry for it; revoking removes exactly that pin,
 * leaving what the publisher set by hand. Everything else of the options stays as it was.
 */
final class TrustedAlgorithmEdits {

  private TrustedAlgorithmEdits() {}

  /** The entry an approval adds: the algorithm's DID pinned to both reviewed checksums. */
  static TrustedAlgorithm pin(String algorithmDid, String filesChecksum, String containerChecksum) {
    return new TrustedAlgorithm(
        algorithmDid, Optional.of(filesChecksum), Optional.of(containerChecksum));
  }

  /** The options with {@code pin} in place of every entry for its algorithm. */
  static ComputeOptions trusting(ComputeOptions options, TrustedAlgorithm pin) {
    List<TrustedAlgorithm> trusted = new ArrayList<>();
    options.trustedAlgorithms().stream()
        .filter(t -> !t.did().equalsIgnoreCase(pin.did()))
        .forEach(trusted::add);
    trusted.add(pin);
    return with(options, trusted);
  }

  /** The options without {@code pin}. */
  static ComputeOptions distrusting(ComputeOptions options, TrustedAlgorithm pin) {
    return with(
        options, options.trustedAlgorithms().stream().filter(t -> !samePin(t, pin)).toList());
  }

  /** The service's options as they are; a service without any allows nothing. */
  static ComputeOptions options(Asset dataset, String serviceId) {
    return dataset
        .service(serviceId)
        .flatMap(Service::compute)
        .orElse(ComputeOptions.privateByDefault());
  }

  /** Ocean's containerSectionChecksum of the algorithm; empty for an asset that is none. */
  static String containerChecksum(Asset algorithm) {
    return algorithm.metadata().algorithm().map(a -> a.container().sectionChecksum()).orElse("");
  }

  private static ComputeOptions with(ComputeOptions options, List<TrustedAlgorithm> trusted) {
    return new ComputeOptions(
        options.allowRawAlgorithm(),
        options.allowNetworkAccess(),
        trusted,
        options.trustedPublishers());
  }

  private static boolean samePin(TrustedAlgorithm a, TrustedAlgorithm b) {
    return a.did().equalsIgnoreCase(b.did())
        && a.filesChecksum().equals(b.filesChecksum())
        && a.containerSectionChecksum().equals(b.containerSectionChecksum());
  }
}
