package org.cove.provider.internal.compute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cove.operator.JobSpec;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.Asset;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.internal.payments.Due;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;

/**
 * The algorithm a compute request names, as {@link ComputeAdmission} checks it: a published
 * algorithm asset (which must exist, be an algorithm and have the service named, if any), or raw
 * code of 1 byte to 1 MiB; and what the job then runs, costs and reads as parameters.
 */
final class AlgorithmAdmission {

  static final int MAX_RAW_CODE = 1 << 20;

  private AlgorithmAdmission() {}

  /** The choice the permission rules judge; refuses what can never run. */
  static AlgorithmChoice choice(ComputeRequest.AlgorithmRef ref, Map<Did, Asset> assets) {
    if (ref.did().isPresent()) {
      Asset algorithm = ComputeAdmission.existing(assets, ref.did().get());
      refusal(algorithm, ref.serviceId())
          .ifPresent(
              reason -> {
                throw ProviderException.refused(reason);
              });
      return new AlgorithmChoice.Published(algorithm, true);
    }
    ComputeRequest.RawAlgorithm raw =
        ref.raw().orElseThrow(() -> new InvalidInputException("algorithm: a documentId or meta"));
    if (raw.code().isBlank() || raw.code().length() > MAX_RAW_CODE) {
      throw new InvalidInputException("algorithm.meta.rawcode: 1 byte to 1 MiB of code");
    }
    return new AlgorithmChoice.Raw(raw.container());
  }

  /**
   * Why a published algorithm can never run as asked, if it cannot: it must be an algorithm, and
   * have the service named, if any. Whether it may run on a dataset is the dataset's rules.
   */
  static Optional<Reason> refusal(Asset algorithm, Optional<String> serviceId) {
    if (!algorithm.isAlgorithm() || algorithm.metadata().algorithm().isEmpty()) {
      return Optional.of(Reason.NOT_ALGO);
    }
    if (serviceId.isPresent() && algorithm.service(serviceId.get()).isEmpty()) {
      return Optional.of(Reason.SERVICE_NOT_FOUND);
    }
    return Optional.empty();
  }

  /** The published algorithm's price, unless it is free or the consumer publishes it. */
  static Optional<Due> due(AlgorithmChoice choice, ComputeRequest request, long chainId) {
    if (choice instanceof AlgorithmChoice.Published published) {
      Asset algorithm = published.algorithm();
      return algorithm
          .service(serviceId(request.algorithm(), algorithm))
          .flatMap(
              s ->
                  Due.of(
                      s,
                      algorithm,
                      request.consumer(),
                      request.algorithm().transferTxId(),
                      chainId));
    }
    return Optional.empty();
  }

  /** What the engine runs: the published algorithm's container, or the raw code in its own. */
  static JobSpec.Algorithm jobAlgorithm(ComputeRequest.AlgorithmRef ref, AlgorithmChoice choice) {
    if (choice instanceof AlgorithmChoice.Published published) {
      Asset algorithm = published.algorithm();
      Container c = algorithm.metadata().algorithm().orElseThrow().container();
      return new JobSpec.Algorithm(
          Optional.of(algorithm.did()),
          Optional.of(serviceId(ref, algorithm)),
          Optional.of(algorithm.publisher()),
          container(c),
          Optional.empty());
    }
    ComputeRequest.RawAlgorithm raw = ref.raw().orElseThrow();
    return new JobSpec.Algorithm(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        container(raw.container()),
        Optional.of(raw.code()));
  }

  /** The parameters the algorithm declares; raw code declares none. */
  static List<ConsumerParameter> parametersOf(AlgorithmChoice choice) {
    if (choice instanceof AlgorithmChoice.Published published) {
      return published.algorithm().metadata().algorithm().orElseThrow().consumerParameters();
    }
    return List.of();
  }

  /** The service named, or the algorithm's first. */
  private static String serviceId(ComputeRequest.AlgorithmRef ref, Asset algorithm) {
    return ref.serviceId().orElseGet(() -> algorithm.services().get(0).id());
  }

  private static JobSpec.Container container(Container c) {
    return new JobSpec.Container(c.image(), c.tag(), c.checksum(), c.entrypoint());
  }
}
