package org.cove.provider.internal.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.JobSpec;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.Asset;
import org.cove.provider.Container;
import org.cove.provider.Reason;
import org.cove.shared.Did;

/**
 * Whether a registered job would still be admitted: the steps of {@link ComputeAdmission} that
 * depend on what publishers and admins may change after a start (assets enabled, credentials,
 * services, compute options and the algorithms they trust), asked again of the job's spec, in the
 * same order. Prices, payments and the environment's limits were settled at the start and are not
 * asked again. Pure, like admission.
 */
final class Readmission {

  /** What a job that may no longer run says first, whatever the reason. */
  static final String PREFIX = "no longer allowed to run: ";

  /** The reasons that come from a dataset's trust in the algorithm, which an approval grants. */
  private static final Set<Reason> TRUST =
      Set.of(
          Reason.NOT_TRUSTED_ALGO,
          Reason.NOT_TRUSTED_ALGO_PUBLISHER,
          Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH,
          Reason.ALGORITHM_CONTAINER_CHECKSUM_MISMATCH);

  private Readmission() {}

  /** The assets a job's admission reads: its algorithm's, if published, and every dataset's. */
  static List<Did> didsOf(JobSpec spec) {
    List<Did> dids = new ArrayList<>();
    spec.algorithm().did().ifPresent(dids::add);
    spec.datasets().forEach(input -> dids.add(input.did()));
    return dids;
  }

  /**
   * Why the job would be refused now, or empty while it would be admitted. {@code assets} holds
   * those of {@link #didsOf} that exist.
   */
  static Optional<Reason> refusal(JobSpec spec, Map<Did, Asset> assets) {
    JobSpec.Algorithm algorithm = spec.algorithm();
    AlgorithmChoice choice;
    if (algorithm.raw()) {
      JobSpec.Container c = algorithm.container();
      choice =
          new AlgorithmChoice.Raw(new Container(c.entrypoint(), c.image(), c.tag(), c.checksum()));
    } else {
      Asset published = assets.get(algorithm.did().orElseThrow());
      if (published == null) {
        return gone();
      }
      Optional<Reason> refused = AlgorithmAdmission.refusal(published, algorithm.serviceId());
      if (refused.isPresent()) {
        return refused;
      }
      choice = new AlgorithmChoice.Published(published, true);
    }
    for (int i = 0; i < spec.datasets().size(); i++) {
      JobSpec.Input input = spec.datasets().get(i);
      Asset dataset = assets.get(input.did());
      if (dataset == null) {
        return gone();
      }
      Optional<Reason> refused =
          ComputeAdmission.datasetRefusal(dataset, input.serviceId(), i == 0, choice, spec.owner());
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /**
   * What the job's consumer reads: why it may no longer run. A refusal of the algorithm's trust
   * after an approval of it was revoked says so, since that is what the publisher did.
   */
  static String message(Reason refusal, boolean approvalRevoked) {
    if (approvalRevoked && TRUST.contains(refusal)) {
      return PREFIX + "the dataset's publisher revoked this algorithm's approval";
    }
    return PREFIX + refusal.explanation();
  }

  /** Assets are never deleted; one that is missing is as unusable as a disabled one. */
  private static Optional<Reason> gone() {
    return Optional.of(Reason.ASSET_DISABLED);
  }
}
