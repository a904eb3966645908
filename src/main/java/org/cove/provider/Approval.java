package org.cove.provider;

import java.time.Instant;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * A consumer's request that the publisher of a dataset trust an algorithm on one of its compute
 * services, with the algorithm's checksums at the time of the request, and the decision.
 */
public record Approval(
    String id,
    Did dataset,
    String serviceId,
    Did algorithm,
    Address consumer,
    Address publisher,
    String justification,
    String filesChecksum,
    String containerSectionChecksum,
    ApprovalState state,
    Optional<String> reason,
    Instant requestedAt,
    Optional<Instant> decidedAt,
    Optional<Address> decidedBy) {}
