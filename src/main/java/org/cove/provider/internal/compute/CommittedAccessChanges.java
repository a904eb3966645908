package org.cove.provider.internal.compute;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.provider.AccessChanged;
import org.cove.shared.LogSafe;

/**
 * Collects the {@link AccessChanged} events of one transaction and, once it has committed, hands
 * them together to the {@link RevocationSweep} on the container's executor. Together, because one
 * decision fires more than one (an approval revoked edits the dataset's options too) and the jobs
 * should be judged once, knowing the whole of it; after the commit, so that nothing is stopped for
 * a change that rolled back and the sweep reads what committed; on another thread, so that a sweep
 * that fails, or a stop that cannot be made, never touches the change itself. Container resources
 * are fields: CDI cannot inject them into a constructor.
 */
@ApplicationScoped
class CommittedAccessChanges {

  private static final Logger LOG = Logger.getLogger(CommittedAccessChanges.class.getName());

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private RevocationSweep sweep;

  @Inject
  CommittedAccessChanges(RevocationSweep sweep) {
    this.sweep = sweep;
  }

  /** For CDI's proxy. */
  protected CommittedAccessChanges() {}

  /** Observed as it is fired, inside the changing transaction. */
  void collect(@Observes AccessChanged change) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      submit(List.of(change)); // no transaction to wait for: the change is already stored
      return;
    }
    Batch batch = (Batch) transactions.getResource(Batch.class);
    if (batch == null) {
      batch = new Batch();
      transactions.putResource(Batch.class, batch);
      transactions.registerInterposedSynchronization(batch);
    }
    batch.changes.add(change);
  }

  private void submit(List<AccessChanged> changes) {
    try {
      executor.execute(() -> sweep.sweep(changes));
    } catch (RejectedExecutionException e) {
      LogSafe.log(LOG, Level.WARNING, "The jobs the change concerns could not be judged again", e);
    }
  }

  /** One transaction's changes, swept once it committed. */
  private final class Batch implements Synchronization {
    private final List<AccessChanged> changes = new ArrayList<>();

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        submit(List.copyOf(changes));
      }
    }
  }
}
