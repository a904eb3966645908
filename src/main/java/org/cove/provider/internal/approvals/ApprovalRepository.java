package org.cove.provider.internal.approvals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.cove.provider.ApprovalState;
import org.cove.provider.Approvals.Role;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.NotFoundException;
import org.cove.shared.Page;

/** Approval rows, read and written in the caller's transaction. */
@ApplicationScoped
class ApprovalRepository {

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  /**
   * Stores a new pending request unless the consumer has one pending for the same algorithm on the
   * same service already (the database's unique index decides, so parallel requests cannot both
   * store one, and the loser waits for the winner's transaction instead of failing). Returns
   * whether it stored this one.
   */
  boolean addUnlessPending(ApprovalEntity entity) {
    return entityManager
            .createNativeQuery(
                "insert into provider_approval (id, dataset_did, service_id, algorithm_did,"
                    + " consumer, publisher, justification, files_checksum, container_checksum,"
                    + " state, requested_at) values (:id, :dataset, :service, :algorithm,"
                    + " :consumer, :publisher, :justification, :files, :container, :state,"
                    + " :requestedAt) on conflict (dataset_did, service_id, algorithm_did,"
                    + " consumer) where state = 'PENDING' do nothing")
            .setParameter("id", entity.id)
            .setParameter("dataset", entity.datasetDid)
            .setParameter("service", entity.serviceId)
            .setParameter("algorithm", entity.algorithmDid)
            .setParameter("consumer", entity.consumer)
            .setParameter("publisher", entity.publisher)
            .setParameter("justification", entity.justification)
            .setParameter("files", entity.filesChecksum)
            .setParameter("container", entity.containerChecksum)
            .setParameter("state", entity.state)
            .setParameter("requestedAt", entity.requestedAt)
            .executeUpdate()
        == 1;
  }

  /**
   * The approval, locked for the rest of the transaction when it is to be decided.
   *
   * @throws NotFoundException when there is none (or the id cannot be one)
   */
  ApprovalEntity load(String id, boolean forUpdate) {
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

  /** The consumer's request in that state for the algorithm on the dataset's service, if any. */
  Optional<ApprovalEntity> find(
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

  /** The other approval of the same algorithm on the same service decided last with its code. */
  Optional<ApprovalEntity> lastApproved(ApprovalEntity request) {
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

  /** One page of a party's approvals, newest requests first. */
  Page<ApprovalEntity> page(
      Address party, Role role, Optional<ApprovalState> state, int page, int size) {
    String column = role == Role.PUBLISHER ? "a.publisher" : "a.consumer";
    String where =
        " where " + column + " = :me" + (state.isPresent() ? " and a.state = :state" : "");
    TypedQuery<Long> count =
        entityManager.createQuery("select count(a) from ApprovalEntity a" + where, Long.class);
    TypedQuery<ApprovalEntity> select =
        entityManager.createQuery(
            "select a from ApprovalEntity a" + where + " order by a.requestedAt desc, a.id",
            ApprovalEntity.class);
    for (TypedQuery<?> query : List.of(count, select)) {
      query.setParameter("me", party.value());
      state.ifPresent(s -> query.setParameter("state", s.name()));
    }
    select.setFirstResult(page * size).setMaxResults(size);
    return new Page<>(select.getResultList(), page, size, count.getSingleResult());
  }
}
