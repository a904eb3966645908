package org.cove.provider.internal.approvals;

import static org.cove.provider.internal.approvals.ApprovalRules.conflict;
import static org.cove.provider.internal.approvals.TrustedAlgorithmEdits.containerChecksum;
import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.cove.identity.Principal;
import org.cove.provider.AccessChanged;
import org.cove.provider.Approval;
import org.cove.provider.ApprovalState;
import org.cove.provider.Approvals;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.CodeReview;
import org.cove.provider.CodeReview.CodeFile;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.Did;
import org.cove.shared.ForbiddenException;
import org.cove.shared.InvalidInputException;
import org.cove.shared.Page;

/**
 * Approvals in PostgreSQL: each call loads, checks ({@link ApprovalRules}), changes the dataset's
 * trusted algorithms where a decision says so ({@link TrustedAlgorithmEdits}), stores, and records
 * the request or decision in the ledger, in one transaction. A revocation also fires {@link
 * AccessChanged} naming the algorithm, so the jobs it stops say that their approval was revoked.
 */
@ApplicationScoped
class JpaApprovals implements Approvals {

  static final int MAX_PAGE_SIZE = 100;

  /** Inserts tried before giving up on a request whose rival keeps being decided meanwhile. */
  private static final int MAX_REQUEST_ATTEMPTS = 3;

  private ApprovalRepository approvals;
  private Catalogue catalogue;
  private AlgorithmCode code;
  private AuditTrail auditTrail;
  private Clock clock;
  private Event<AccessChanged> accessChanged;

  @Inject
  JpaApprovals(
      ApprovalRepository approvals,
      Catalogue catalogue,
      AlgorithmCode code,
      AuditTrail auditTrail,
      Clock clock,
      Event<AccessChanged> accessChanged) {
    this.approvals = approvals;
    this.catalogue = catalogue;
    this.code = code;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.accessChanged = accessChanged;
  }

  /** For CDI's proxy. */
  protected JpaApprovals() {}

  /**
   * A request is stored only when the consumer has none pending for the same algorithm on the same
   * service: among parallel identical requests one stores it and records it in the ledger, and the
   * others wait for that one's transaction and answer with its request. Should that request be
   * decided in the moment between, the insert is tried again.
   */
  @Override
  @Transactional
  public Requested request(
      Principal consumer,
      Did datasetDid,
      String serviceId,
      Did algorithmDid,
      String justification) {
    String why = ApprovalRules.text(justification, "justification", false);
    Asset dataset = catalogue.get(datasetDid);
    Asset algorithm = catalogue.get(algorithmDid);
    ApprovalRules.checkRequestable(dataset, serviceId, algorithm, consumer.address());
    ApprovalEntity entity = newRequest(consumer, dataset, serviceId, algorithm, why);
    for (int attempt = 0; attempt < MAX_REQUEST_ATTEMPTS; attempt++) {
      if (approvals.addUnlessPending(entity)) {
        record(consumer.address(), "approval-requested", entity);
        return new Requested(entity.toApproval(), true);
      }
      Optional<ApprovalEntity> pending =
          approvals.find(
              datasetDid, serviceId, algorithmDid, consumer.address(), ApprovalState.PENDING);
      if (pending.isPresent()) {
        return new Requested(pending.get().toApproval(), false);
      }
    }
    throw conflict("the pending request was decided while this one was made: ask again");
  }

  private ApprovalEntity newRequest(
      Principal consumer, Asset dataset, String serviceId, Asset algorithm, String why) {
    ApprovalEntity entity = new ApprovalEntity();
    entity.id = UUID.randomUUID().toString();
    entity.datasetDid = dataset.did().value();
    entity.serviceId = serviceId;
    entity.algorithmDid = algorithm.did().value();
    entity.consumer = consumer.address().value();
    entity.publisher = dataset.publisher().value();
    entity.justification = why;
    entity.filesChecksum = algorithm.filesChecksum().orElse("");
    entity.containerChecksum = containerChecksum(algorithm);
    entity.state = ApprovalState.PENDING.name();
    entity.requestedAt = now();
    return entity;
  }

  @Override
  @Transactional
  public Page<Approval> list(
      Principal caller, Role role, Optional<ApprovalState> state, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("page counts from 0; size is 1 to " + MAX_PAGE_SIZE);
    }
    Page<ApprovalEntity> rows = approvals.page(caller.address(), role, state, page, size);
    return new Page<>(
        rows.items().stream().map(ApprovalEntity::toApproval).toList(),
        rows.page(),
        rows.size(),
        rows.total());
  }

  @Override
  @Transactional
  public Approval get(Principal caller, String id) {
    ApprovalEntity entity = approvals.load(id, false);
    String me = caller.address().value();
    if (!caller.isAdmin() && !me.equals(entity.consumer) && !me.equals(entity.publisher)) {
      throw new ForbiddenException("only its consumer, the dataset's publisher or an admin");
    }
    return entity.toApproval();
  }

  @Override
  @Transactional
  public CodeReview code(Principal publisher, String id) {
    ApprovalEntity entity = owned(publisher, id, false);
    List<CodeFile> files = code.read(catalogue.get(new Did(entity.algorithmDid)));
    Optional<ApprovalEntity> approved = approvals.lastApproved(entity);
    return new CodeReview(
        files,
        approved.flatMap(
            a ->
                AlgorithmCode.nonEmpty(
                    AlgorithmCode.diff(AlgorithmCode.fromJson(a.reviewedCode), files))),
        approved.map(a -> a.id));
  }

  @Override
  @Transactional
  public Approval approve(Principal publisher, String id) {
    ApprovalEntity entity = owned(publisher, id, true);
    ApprovalRules.requireState(entity.state, ApprovalState.PENDING);
    Asset algorithm = catalogue.get(new Did(entity.algorithmDid));
    if (!algorithm.filesChecksum().orElse("").equals(entity.filesChecksum)
        || !containerChecksum(algorithm).equals(entity.containerChecksum)) {
      throw conflict("the algorithm changed since it was requested: its consumer must ask again");
    }
    entity.reviewedCode = AlgorithmCode.toJson(code.read(algorithm));
    changeTrust(publisher, entity, TrustedAlgorithmEdits::trusting);
    decide(entity, ApprovalState.APPROVED, publisher, null);
    record(publisher.address(), "approval-granted", entity);
    return entity.toApproval();
  }

  @Override
  @Transactional
  public Approval reject(Principal publisher, String id, String reason) {
    String why = ApprovalRules.text(reason, "reason", true);
    ApprovalEntity entity = owned(publisher, id, true);
    ApprovalRules.requireState(entity.state, ApprovalState.PENDING);
    decide(entity, ApprovalState.REJECTED, publisher, why);
    record(publisher.address(), "approval-rejected", entity);
    return entity.toApproval();
  }

  @Override
  @Transactional
  public Approval revoke(Principal publisher, String id) {
    ApprovalEntity entity = owned(publisher, id, true);
    ApprovalRules.requireState(entity.state, ApprovalState.APPROVED);
    changeTrust(publisher, entity, TrustedAlgorithmEdits::distrusting);
    decide(entity, ApprovalState.REVOKED, publisher, null);
    record(publisher.address(), "approval-revoked", entity);
    // the options' change fired one already; this one says why, for the jobs it stops
    accessChanged.fire(
        new AccessChanged(
            new Did(entity.datasetDid),
            publisher.address(),
            Optional.of(new Did(entity.algorithmDid))));
    return entity.toApproval();
  }

  /** Edits the trusted algorithms of the approval's dataset service with the approval's pin. */
  private void changeTrust(
      Principal publisher,
      ApprovalEntity entity,
      BiFunction<ComputeOptions, TrustedAlgorithm, ComputeOptions> edit) {
    Asset dataset = catalogue.get(new Did(entity.datasetDid));
    ComputeOptions options = TrustedAlgorithmEdits.options(dataset, entity.serviceId);
    catalogue.setComputeOptions(
        publisher, dataset.did(), entity.serviceId, edit.apply(options, pin(entity)));
  }

  /** The approval, if the caller publishes its dataset. */
  private ApprovalEntity owned(Principal publisher, String id, boolean forUpdate) {
    ApprovalEntity entity = approvals.load(id, forUpdate);
    if (!entity.publisher.equals(publisher.address().value())) {
      throw new ForbiddenException("only the dataset's publisher decides on its approvals");
    }
    return entity;
  }

  private static TrustedAlgorithm pin(ApprovalEntity entity) {
    return TrustedAlgorithmEdits.pin(
        entity.algorithmDid, entity.filesChecksum, entity.containerChecksum);
  }

  private void decide(ApprovalEntity entity, ApprovalState state, Principal by, String reason) {
    entity.state = state.name();
    entity.reason = reason;
    entity.decidedAt = now();
    entity.decidedBy = by.address().value();
  }

  private void record(Address actor, String kind, ApprovalEntity entity) {
    var payload =
        JSON.createObjectBuilder()
            .add("approval", entity.id)
            .add("service", entity.serviceId)
            .add("algorithm", entity.algorithmDid)
            .add("consumer", entity.consumer)
            .add("filesChecksum", entity.filesChecksum)
            .add("containerSectionChecksum", entity.containerChecksum);
    if (entity.reason != null) {
      payload.add("reason", entity.reason);
    }
    auditTrail.record(
        new AuditEvent(
            actor,
            kind,
            entity.datasetDid,
            payload.build(),
            AuditEvent.parties(new Address(entity.consumer), new Address(entity.publisher))));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
