package org.cove.operator;

import java.io.InputStream;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Page;

/**
 * The operator-service: registers jobs with the engine and answers for them, checking who asks.
 * Only the owner may stop or delete a job; the owner and the additional viewers may read it and its
 * results. Another account gets "not found", so job ids cannot be probed.
 */
public interface JobRegistry {

  /**
   * Registers an accepted job (status 1) and records the submission in the ledger, unless {@code
   * maxConcurrent} jobs already run in its environment ({@code max_jobs_reached}).
   */
  Job register(JobSpec spec, int maxConcurrent);

  /**
   * As above; {@code alongside} runs in the same database transaction as the submission's ledger
   * entry, before the engine gets the job (e.g. to record the payments the job is paid with): if it
   * throws, nothing is recorded and the job is not registered.
   */
  Job register(JobSpec spec, int maxConcurrent, java.util.function.Consumer<JobId> alongside);

  Page<Job> jobsOf(Address owner, int page, int size);

  /** Jobs on datasets this account published: who ran which algorithm, never their results. */
  Page<Job> jobsOnDatasetsOf(Address publisher, int page, int size);

  Job get(JobId id, Address reader);

  Job stop(JobId id, Address owner);

  void delete(JobId id, Address owner);

  /** Opens one result; the download is recorded in the ledger. */
  ResultContent openResult(JobId id, int index, Address reader);

  /** The algorithm's log from {@code offset}, while the job runs and after. */
  Optional<InputStream> liveLog(JobId id, long offset, Address reader);

  /** Unfinished jobs per environment, for capacity checks and the environments listing. */
  long runningJobs(String environment);

  EngineHealth engineHealth();

  /** The content of one result and what it is. */
  record ResultContent(JobResult result, InputStream content) {}
}
