package org.cove.provider.internal.approvals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.cove.provider.Approval;
import org.cove.provider.ApprovalState;
import org.cove.shared.Address;
import org.cove.shared.Did;

/** A request to trust an algorithm for a dataset's compute service, and its decision. */
@Entity
@Table(name = "provider_approval")
class ApprovalEntity {

  @Id
  @Column(length = 36)
  String id;

  @Column(name = "dataset_did", nullable = false, length = 71)
  String datasetDid;

  @Column(name = "service_id", nullable = false, length = 64)
  String serviceId;

  @Column(name = "algorithm_did", nullable = false, length = 71)
  String algorithmDid;

  @Column(nullable = false, length = 42)
  String consumer;

  @Column(nullable = false, length = 42)
  String publisher;

  @Column(nullable = false, columnDefinition = "text")
  String justification;

  @Column(name = "files_checksum", nullable = false, columnDefinition = "text")
  String filesChecksum;

  @Column(name = "container_checksum", nullable = false, length = 64)
  String containerChecksum;

  @Column(nullable = false, length = 16)
  String state;

  @Column(columnDefinition = "text")
  String reason;

  /** The code the publisher approved, as JSON ([{name, text}]), to diff later versions against. */
  @Column(name = "reviewed_code", columnDefinition = "text")
  String reviewedCode;

  @Column(name = "requested_at", nullable = false)
  Instant requestedAt;

  @Column(name = "decided_at")
  Instant decidedAt;

  @Column(name = "decided_by", length = 42)
  String decidedBy;

  protected ApprovalEntity() {}

  Approval toApproval() {
    return new Approval(
        id,
        new Did(datasetDid),
        serviceId,
        new Did(algorithmDid),
        new Address(consumer),
        new Address(publisher),
        justification,
        filesChecksum,
        containerChecksum,
        ApprovalState.valueOf(state),
        Optional.ofNullable(reason),
        requestedAt,
        Optional.ofNullable(decidedAt),
        Optional.ofNullable(decidedBy).map(Address::new));
  }
}
