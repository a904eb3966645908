package org.cove.operator.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.cove.operator.EngineHealth;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;

/**
 * The SPI an engine backend implements. The engine is the authority on job state: the registry
 * never keeps its own copy. {@link #submit} must have stored the job durably when it returns.
 */
public interface ComputeEngine {

  /** Which backend this is, e.g. {@code local}. */
  String name();

  void submit(JobId id, JobSpec spec);

  Optional<Job> find(JobId id);

  /** Every job the engine knows, newest first. */
  List<Job> jobs();

  /**
   * The jobs whose spec matches, newest first, optionally only unfinished ones. Engines that keep
   * jobs in memory filter before building them, so listing one owner's jobs does not cost a walk
   * over everyone's.
   */
  default List<Job> jobs(java.util.function.Predicate<JobSpec> matching, boolean unfinishedOnly) {
    return jobs().stream()
        .filter(job -> matching.test(job.spec()))
        .filter(job -> !unfinishedOnly || !job.finished())
        .toList();
  }

  /**
   * One owner's jobs, newest first: what an account lists most. Engines that index jobs by owner
   * answer from the index, in time proportional to the owner's jobs rather than everyone's.
   */
  default List<Job> jobsOf(org.cove.shared.Address owner) {
    return jobs(spec -> spec.owner().equals(owner), false);
  }

  /**
   * The jobs on datasets the account published, newest first: the publisher's view. Engines that
   * index jobs by their datasets' publishers answer from the index.
   */
  default List<Job> jobsOnDatasetsOf(org.cove.shared.Address publisher) {
    return jobs(spec -> spec.onDatasetsOf(publisher), false);
  }

  /**
   * How many jobs in the environment have not ended: asked on every start, under the admission
   * lock, so engines that keep jobs in memory count without building them.
   */
  default long unfinishedJobs(String environment) {
    return jobs(spec -> spec.environment().equals(environment), true).size();
  }

  /**
   * Asks the running stage to end; the logs are still published. No-op on a finished job. The job
   * ends stopped (44) with the engine's own words ("stopped on request").
   */
  default void requestStop(JobId id) {
    requestStop(id, Optional.empty());
  }

  /**
   * As {@link #requestStop(JobId)}; a {@code reason} becomes the message the job ends with, in
   * whatever stage the stop finds it (e.g. the dataset's publisher revoked the algorithm). The
   * first stop asked for a job is the one that counts: a later one changes neither it nor its
   * reason.
   */
  void requestStop(JobId id, Optional<String> reason);

  /** Removes a finished job and its results. */
  void delete(JobId id);

  /** The content of one result of a finished job. */
  InputStream openResult(JobId id, int index) throws IOException;

  /** The algorithm's log as written so far, from {@code offset}; empty once nothing is left. */
  Optional<InputStream> openLiveLog(JobId id, long offset) throws IOException;

  /** Why the engine cannot take jobs, or a warning the portal shows to everyone. */
  EngineHealth health();

  /** Whether this engine can run the container (the local engine maps images to runtimes). */
  Optional<String> refusalFor(JobSpec.Container container);
}
