package org.cove.provider;

import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.shared.Did;
import org.cove.shared.Page;

/**
 * Requests to trust an algorithm for a dataset, and the publisher's decisions. Approving adds a
 * trusted-algorithm entry pinned to the checksums that were reviewed; revoking removes it. Every
 * request and decision is a ledger entry.
 */
public interface Approvals {

  /** Whose list: the dataset publisher's inbox, or the consumer's own requests. */
  enum Role {
    PUBLISHER,
    CONSUMER
  }

  /** A request, and whether this call made it or found it pending already. */
  record Requested(Approval approval, boolean created) {}

  /**
   * Asks the dataset's publisher to allow the algorithm; when the consumer has the same request
   * pending, that one is the answer and nothing new is stored or recorded.
   */
  Requested request(
      Principal consumer, Did dataset, String serviceId, Did algorithm, String justification);

  Page<Approval> list(
      Principal caller, Role role, Optional<ApprovalState> state, int page, int size);

  /** The approval, to its consumer, the dataset's publisher or an admin. */
  Approval get(Principal caller, String id);

  /** The algorithm's code and the diff against the last approved version (publisher only). */
  CodeReview code(Principal publisher, String id);

  Approval approve(Principal publisher, String id);

  Approval reject(Principal publisher, String id, String reason);

  Approval revoke(Principal publisher, String id);
}
