package org.cove.operator;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.Page;

/**
 * The operator-service: registers jobs with the engine and answers for them, checking who asks.
 * Only the owner may stop or delete a job; the owner and the additional viewers may read it and its
 * results. Another account gets "not found", so job ids cannot be probed.
 */
public interface JobRegistry {

  /**
   * Whether the job would be admitted now, as {@link #register} decides it: the engine takes jobs
   * (503 otherwise), can run the job's container ({@code unsupported_image}) and its environment
   * runs fewer than {@code maxConcurrent} jobs ({@code max_jobs_reached}). Throws the refusal a
   * start would get; a quote asks it so that it never promises what a start would refuse.
   */
  void checkAdmission(JobSpec spec, int maxConcurrent);

  /**
   * Admits the job as {@link #checkAdmission} does, in one step with taking its slot, then
   * registers it (status 1) and records the submission in the ledger.
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

  /**
   * The jobs whose algorithm has not ended yet (queued, configuring or running) that use the asset,
   * as a dataset or as their algorithm: those a change to the asset's permissions may concern.
   */
  List<Job> activeJobsUsing(Did asset);

  /**
   * Ends a job that may no longer run because of what {@code by} changed: a queued job never
   * starts, a running algorithm is stopped, and the job ends stopped (44) with {@code reason} as
   * its message; the revocation is a ledger entry ({@code job-revoked}). Whoever asks has checked
   * that the job is no longer admitted; no account is checked here. No-op for a job whose algorithm
   * has ended (it publishes and finishes as it would have) and for one already stopping.
   *
   * @return whether the job was revoked by this call
   */
  boolean revoke(JobId id, Address by, String reason);

  /** Opens one result; the download is recorded in the ledger. */
  ResultContent openResult(JobId id, int index, Address reader);

  /**
   * Opens one result of the owner's own job to publish it as a new asset: not a download, since the
   * content stays on this provider (the catalogue records the publication).
   */
  InputStream openResultToPublish(JobId id, int index, Address owner);

  /** The algorithm's log from {@code offset}, while the job runs and after. */
  Optional<InputStream> liveLog(JobId id, long offset, Address reader);

  /** Unfinished jobs per environment, for capacity checks and the environments listing. */
  long runningJobs(String environment);

  EngineHealth engineHealth();

  /** The content of one result and what it is. */
  record ResultContent(JobResult result, InputStream content) {}
}
