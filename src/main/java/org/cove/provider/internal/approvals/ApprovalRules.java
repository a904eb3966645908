package org.cove.provider.internal.approvals;

import java.util.Optional;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.ApprovalState;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.shared.Address;
import org.cove.shared.InvalidInputException;
import org.cove.shared.NotFoundException;

/**
 * What may be asked of a publisher, as pure functions of what the request names: which requests
 * could ever be approved (and which need no approval), the texts that go with a request or a
 * rejection, and which decisions fit an approval's state. Each refusal comes in a fixed order, the
 * first one met being the answer.
 */
final class ApprovalRules {

  static final int MAX_TEXT = 4_000;

  private ApprovalRules() {}

  /**
   * Refuses what could never be approved, and what needs no approval, in this order: the dataset's
   * service must exist and be a compute service, the dataset must be usable by the consumer, the
   * algorithm must be an enabled algorithm, and it must not be allowed to run already.
   *
   * @throws NotFoundException when the dataset has no such service
   * @throws ProviderException refused with its reason, or a conflict when no approval is needed
   */
  static void checkRequestable(Asset dataset, String serviceId, Asset algorithm, Address consumer) {
    Optional<Service> service = dataset.service(serviceId);
    if (service.isEmpty()) {
      throw new NotFoundException("the dataset has no service " + serviceId);
    }
    if (service.get().type() != ServiceType.COMPUTE) {
      throw ProviderException.refused(Reason.NOT_A_COMPUTE_SERVICE);
    }
    Permissions.usable(dataset, consumer)
        .map(ProviderException::refused)
        .ifPresent(
            e -> {
              throw e;
            });
    if (!algorithm.isAlgorithm() || algorithm.metadata().algorithm().isEmpty()) {
      throw ProviderException.refused(Reason.NOT_ALGO);
    }
    if (algorithm.state() == AssetState.DISABLED) {
      throw ProviderException.refused(Reason.ALGORITHM_DISABLED);
    }
    AlgorithmChoice choice = new AlgorithmChoice.Published(algorithm, true);
    if (Permissions.mayRun(dataset, serviceId, choice, consumer).allowed()) {
      throw conflict("this algorithm may already run on this dataset");
    }
  }

  /** The text trimmed, at most {@link #MAX_TEXT} characters; a required one must not be blank. */
  static String text(String value, String field, boolean required) {
    String text = value == null ? "" : value.trim();
    if (required && text.isEmpty()) {
      throw new InvalidInputException(field + " is required");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(field + " may have at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  /**
   * A decision fits only an approval in {@code expected}: pending ones are decided, approved
   * revoked.
   */
  static void requireState(String state, ApprovalState expected) {
    if (!state.equals(expected.name())) {
      throw conflict(
          "the approval is " + state.toLowerCase() + ", not " + expected.name().toLowerCase());
    }
  }

  static ProviderException conflict(String detail) {
    return new ProviderException(ProviderException.CONFLICT, detail);
  }
}
