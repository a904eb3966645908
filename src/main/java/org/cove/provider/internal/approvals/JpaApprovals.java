package org.cove.provider.internal.approvals;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cove.identity.Principal;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.Approval;
import org.cove.provider.ApprovalState;
import org.cove.provider.Approvals;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.Catalogue;
import org.cove.provider.CodeReview;
import org.cove.provider.CodeReview.CodeFile;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.Did;
import org.cove.shared.ForbiddenException;
import org.cove.shared.InvalidInputException;
import org.cove.shared.NotFoundException;
import org.cove.shared.Page;

@ApplicationScoped
class JpaApprovals implements Approvals {

  static final int MAX_TEXT = 4_000;
  static final int MAX_PAGE_SIZE = 100;

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private Catalogue catalogue;
  private AlgorithmCode code;
  private AuditTrail auditTrail;
  private Clock clock;

  @Inject
  JpaApprovals(Catalogue catalogue, AlgorithmCode code, AuditTrail auditTrail, Clock clock) {
    this.catalogue = catalogue;
    this.code = code;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected JpaApprovals() {}

  @Override
  @Transactional
  public Approval request(
      Principal consumer,
      Did datasetDid,
      String serviceId,
      Did algorithmDid,
      String justification) {
    String why = text(justification, "justification", false);
    Asset dataset = catalogue.get(datasetDid);
    Asset algorithm = catalogue.get(algorithmDid);
    checkRequestable(dataset, serviceId, algorithm, consumer.address());
    Optional<ApprovalEntity> pending =
        find(datasetDid, serviceId, algorithmDid, consumer.address(), ApprovalState.PENDING);
    if (pending.isPresent()) {
      return toApproval(pending.get());
    }
    ApprovalEntity entity = new ApprovalEntity();
    entity.id = UUID.randomUUID().toString();
    entity.datasetDid = datasetDid.value();
    entity.serviceId = serviceId;
    entity.algorithmDid = algorithmDid.value();
    entity.consumer = consumer.address().value();
    entity.publisher = dataset.publisher().value();
    entity.justification = why;
    entity.filesChecksum = algorithm.filesChecksum().orElse("");
    entity.containerChecksum = containerChecksum(algorithm);
    entity.state = ApprovalState.PENDING.name();
    entity.requestedAt = now();
    entityManager.persist(entity);
    record(consumer.address(), "approval-requested", entity);
    return toApproval(entity);
  }

  @Override
  @Transactional
  public Page<Approval> list(
      Principal caller, Role role, Optional<ApprovalState> state, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("page counts from 0; size is 1 to " + MAX_PAGE_SIZE);
    }
    String party = role == Role.PUBLISHER ? "a.publisher" : "a.consumer";
    String where =
        " where " + party + " = :me" + (state.isPresent() ? " and a.state = :state" : "");
    TypedQuery<Long> count =
        entityManager.createQuery("select count(a) from ApprovalEntity a" + where, Long.class);
    TypedQuery<ApprovalEntity> select =
        entityManager.createQuery(
            "select a from ApprovalEntity a" + where + " order by a.requestedAt desc, a.id",
            ApprovalEntity.class);
    for (TypedQuery<?> query : List.of(count, select)) {
      query.setParameter("me", caller.address().value());
      state.ifPresent(s -> query.setParameter("state", s.name()));
    }
    select.setFirstResult(page * size).setMaxResults(size);
    List<Approval> items = select.getResultList().stream().map(this::toApproval).toList();
    return new Page<>(items, page, size, count.getSingleResult());
  }

  @Override
  @Transactional
  public Approval get(Principal caller, String id) {
    ApprovalEntity entity = load(id, false);
    String me = caller.address().value();
    if (!caller.isAdmin() && !me.equals(entity.consumer) && !me.equals(entity.publisher)) {
      throw new ForbiddenException("only its consumer, the dataset's publisher or an admin");
    }
    return toApproval(entity);
  }

  @Override
  @Transactional
  public CodeReview code(Principal publisher, String id) {
    ApprovalEntity entity = owned(publisher, id, false);
    List<CodeFile> files = code.read(catalogue.get(new Did(entity.algorithmDid)));
    Optional<ApprovalEntity> approved = lastApproved(entity);
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
    requireState(entity, ApprovalState.PENDING);
    Asset algorithm = catalogue.get(new Did(entity.algorithmDid));
    if (!algorithm.filesChecksum().orElse("").equals(entity.filesChecksum)
        || !containerChecksum(algorithm).equals(entity.containerChecksum)) {
      throw conflict("the algorithm changed since it was requested: its consumer must ask again");
    }
    entity.reviewedCode = AlgorithmCode.toJson(code.read(algorithm));
    Asset dataset = catalogue.get(new Did(entity.datasetDid));
    ComputeOptions options = options(dataset, entity.serviceId);
    List<TrustedAlgorithm> trusted = new ArrayList<>();
    options.trustedAlgorithms().stream()
        .filter(t -> !t.did().equalsIgnoreCase(entity.algorithmDid))
        .forEach(trusted::add);
    trusted.add(pinned(entity));
    catalogue.setComputeOptions(publisher, dataset.did(), entity.serviceId, with(options, trusted));
    decide(entity, ApprovalState.APPROVED, publisher, null);
    record(publisher.address(), "approval-granted", entity);
    return toApproval(entity);
  }

  @Override
  @Transactional
  public Approval reject(Principal publisher, String id, String reason) {
    String why = text(reason, "reason", true);
    ApprovalEntity entity = owned(publisher, id, true);
    requireState(entity, ApprovalState.PENDING);
    decide(entity, ApprovalState.REJECTED, publisher, why);
    record(publisher.address(), "approval-rejected", entity);
    return toApproval(entity);
  }

  @Override
  @Transactional
  public Approval revoke(Principal publisher, String id) {
    ApprovalEntity entity = owned(publisher, id, true);
    requireState(entity, ApprovalState.APPROVED);
    Asset dataset = catalogue.get(new Did(entity.datasetDid));
    ComputeOptions options = options(dataset, entity.serviceId);
    TrustedAlgorithm added = pinned(entity);
    List<TrustedAlgorithm> trusted =
        options.trustedAlgorithms().stream().filter(t -> !samePin(t, added)).toList();
    catalogue.setComputeOptions(publisher, dataset.did(), entity.serviceId, with(options, trusted));
    decide(entity, ApprovalState.REVOKED, publisher, null);
    record(publisher.address(), "approval-revoked", entity);
    return toApproval(entity);
  }

  /** Refuses what could never be approved, and what needs no approval. */
  private static void checkRequestable(
      Asset dataset, String serviceId, Asset algorithm, Address consumer) {
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

  private Optional<ApprovalEntity> find(
      Did dataset, String serviceId, Did algorithm, Address consumer, ApprovalState state) {
    return entityManager
        .createQuery(
            "select a from ApprovalEntity a where a.datasetDid = :dataset and a.serviceId ="
                + " :service and a.algorithmDid = :algorithm and a.consumer = :consumer and"
                + " a.state = :state",
            ApprovalEntity.class)
        .setParameter("dataset", dataset.value())
        .setParameter("service", serviceId)
        .setParameter("algorithm", algorithm.value())
        .setParameter("consumer", consumer.value())
        .setParameter("state", state.name())
        .getResultStream()
        .findFirst();
  }

  private Optional<ApprovalEntity> lastApproved(ApprovalEntity request) {
    return entityManager
        .createQuery(
            "select a from ApprovalEntity a where a.datasetDid = :dataset and a.serviceId ="
                + " :service and a.algorithmDid = :algorithm and a.reviewedCode is not null"
                + " and a.id <> :id order by a.decidedAt desc",
            ApprovalEntity.class)
        .setParameter("dataset", request.datasetDid)
        .setParameter("service", request.serviceId)
        .setParameter("algorithm", request.algorithmDid)
        .setParameter("id", request.id)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private ApprovalEntity load(String id, boolean forUpdate) {
    ApprovalEntity entity =
        id == null || id.length() > 36
            ? null
            : entityManager.find(
                ApprovalEntity.class,
                id,
                forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
    if (entity == null) {
      throw new NotFoundException("no approval " + id);
    }
    return entity;
  }

  /** The approval, if the caller publishes its dataset. */
  private ApprovalEntity owned(Principal publisher, String id, boolean forUpdate) {
    ApprovalEntity entity = load(id, forUpdate);
    if (!entity.publisher.equals(publisher.address().value())) {
      throw new ForbiddenException("only the dataset's publisher decides on its approvals");
    }
    return entity;
  }

  private static void requireState(ApprovalEntity entity, ApprovalState expected) {
    if (!entity.state.equals(expected.name())) {
      throw conflict(
          "the approval is "
              + entity.state.toLowerCase()
              + ", not "
              + expected.name().toLowerCase());
    }
  }

  private void decide(ApprovalEntity entity, ApprovalState state, Principal by, String reason) {
    entity.state = state.name();
    entity.reason = reason;
    entity.decidedAt = now();
    entity.decidedBy = by.address().value();
  }

  private static ComputeOptions options(Asset dataset, String serviceId) {
    return dataset
        .service(serviceId)
        .flatMap(Service::compute)
        .orElse(ComputeOptions.privateByDefault());
  }

  private static ComputeOptions with(ComputeOptions options, List<TrustedAlgorithm> trusted) {
    return new ComputeOptions(
        options.allowRawAlgorithm(),
        options.allowNetworkAccess(),
        trusted,
        options.trustedPublishers());
  }

  private static TrustedAlgorithm pinned(ApprovalEntity entity) {
    return new TrustedAlgorithm(
        entity.algorithmDid,
        Optional.of(entity.filesChecksum),
        Optional.of(entity.containerChecksum));
  }

  private static boolean samePin(TrustedAlgorithm a, TrustedAlgorithm b) {
    return a.did().equalsIgnoreCase(b.did())
        && a.filesChecksum().equals(b.filesChecksum())
        && a.containerSectionChecksum().equals(b.containerSectionChecksum());
  }

  private static String containerChecksum(Asset algorithm) {
    return algorithm.metadata().algorithm().map(a -> a.container().sectionChecksum()).orElse("");
  }

  private static String text(String value, String field, boolean required) {
    String text = value == null ? "" : value.trim();
    if (required && text.isEmpty()) {
      throw new InvalidInputException(field + " is required");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(field + " may have at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static ProviderException conflict(String detail) {
    return new ProviderException(ProviderException.CONFLICT, detail);
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

  private Approval toApproval(ApprovalEntity e) {
    return new Approval(
        e.id,
        new Did(e.datasetDid),
        e.serviceId,
        new Did(e.algorithmDid),
        new Address(e.consumer),
        new Address(e.publisher),
        e.justification,
        e.filesChecksum,
        e.containerChecksum,
        ApprovalState.valueOf(e.state),
        Optional.ofNullable(e.reason),
        e.requestedAt,
        Optional.ofNullable(e.decidedAt),
        Optional.ofNullable(e.decidedBy).map(Address::new));
  }
}
