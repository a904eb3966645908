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

  void add(ApprovalEntity entity) {
    entityManager.persist(entity);
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
