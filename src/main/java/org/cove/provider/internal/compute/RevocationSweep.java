package org.cove.provider.internal.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.provider.AccessChanged;
import org.cove.provider.Catalogue;
import org.cove.provider.Reason;
import org.cove.shared.LogSafe;

/**
 * After changes to assets have committed: each job that uses one of the assets and has not run its
 * algorithm to the end is judged again ({@link Readmission}, on the assets as they are now), and
 * the registry revokes those that would no longer be admitted. Reconciles rather than lists rules:
 * whatever the change was, a job stops exactly when a new start like it would be refused. One job
 * that cannot be stopped is logged and does not keep the others running.
 */
@ApplicationScoped
class RevocationSweep {

  private static final Logger LOG = Logger.getLogger(RevocationSweep.class.getName());

  private JobRegistry registry;
  private Catalogue catalogue;

  @Inject
  RevocationSweep(JobRegistry registry, Catalogue catalogue) {
    this.registry = registry;
    this.catalogue = catalogue;
  }

  /** For CDI's proxy. */
  protected RevocationSweep() {}

  /** Judges every job the changes concern, each once; returns the ids of those revoked. */
  List<JobId> sweep(List<AccessChanged> changes) {
    Map<JobId, Job> concerned = new LinkedHashMap<>();
    for (AccessChanged change : changes) {
      registry.activeJobsUsing(change.asset()).forEach(job -> concerned.putIfAbsent(job.id(), job));
    }
    return concerned.values().stream()
        .filter(job -> revokeIfRefused(job, changes))
        .map(Job::id)
        .toList();
  }

  private boolean revokeIfRefused(Job job, List<AccessChanged> changes) {
    try {
      Optional<Reason> refusal =
          Readmission.refusal(job.spec(), catalogue.getAll(Readmission.didsOf(job.spec())));
      if (refusal.isEmpty()) {
        return false;
      }
      AccessChanged cause = causeOf(job, changes);
      String message = Readmission.message(refusal.get(), revokesItsApproval(job, changes));
      return registry.revoke(job.id(), cause.by(), message);
    } catch (RuntimeException e) {
      // the change has committed whatever happens here; the job's next step asks again
      LogSafe.log(LOG, Level.WARNING, "Job " + job.id() + " could not be revoked", e);
      return false;
    }
  }

  /** The change that concerns the job; the first, when several do. */
  private static AccessChanged causeOf(Job job, List<AccessChanged> changes) {
    return changes.stream()
        .filter(change -> job.spec().uses(change.asset()))
        .findFirst()
        .orElse(changes.get(0));
  }

  /**
   * Whether one of the changes revoked an approval of the job's algorithm on one of its datasets.
   */
  private static boolean revokesItsApproval(Job job, List<AccessChanged> changes) {
    return changes.stream()
        .anyMatch(
            change ->
                change.revokedAlgorithm().isPresent()
                    && change.revokedAlgorithm().equals(job.spec().algorithm().did())
                    && job.spec().datasets().stream()
                        .anyMatch(input -> input.did().equals(change.asset())));
  }
}
