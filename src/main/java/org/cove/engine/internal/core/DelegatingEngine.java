package org.cove.engine.internal.core;

import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.EngineHealth;
import org.cove.operator.Job;
import org.cove.operator.JobEnded;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.ComputeEngine;
import org.cove.shared.LogSafe;

/**
 * What the engines' CDI beans share: each builds its core from the container's resources when first
 * needed and hands every call to it; a job that ended becomes a {@link JobEnded} event.
 */
public abstract class DelegatingEngine implements ComputeEngine {

  /** The backend itself, built on first use. */
  protected abstract ComputeEngine core();

  /** Observers (the provider's output publication) must not break the engine. */
  protected static void fireEnded(Event<JobEnded> ended, Job job) {
    try {
      ended.fire(new JobEnded(job));
    } catch (RuntimeException e) {
      LogSafe.log(
          Logger.getLogger(DelegatingEngine.class.getName()),
          Level.WARNING,
          "An observer of job " + job.id() + " failed",
          e);
    }
  }

  @Override
  public void submit(JobId id, JobSpec spec) {
    core().submit(id, spec);
  }

  @Override
  public Optional<Job> find(JobId id) {
    return core().find(id);
  }

  @Override
  public List<Job> jobs() {
    return core().jobs();
  }

  @Override
  public List<Job> jobs(Predicate<JobSpec> matching, boolean unfinishedOnly) {
    return core().jobs(matching, unfinishedOnly);
  }

  @Override
  public List<Job> jobsOf(org.cove.shared.Address owner) {
    return core().jobsOf(owner);
  }

  @Override
  public List<Job> jobsOnDatasetsOf(org.cove.shared.Address publisher) {
    return core().jobsOnDatasetsOf(publisher);
  }

  @Override
  public long unfinishedJobs(String environment) {
    return core().unfinishedJobs(environment);
  }

  @Override
  public void requestStop(JobId id, Optional<String> reason) {
    core().requestStop(id, reason);
  }

  @Override
  public void delete(JobId id) {
    core().delete(id);
  }

  @Override
  public InputStream openResult(JobId id, int index) throws IOException {
    return core().openResult(id, index);
  }

  @Override
  public Optional<InputStream> openLiveLog(JobId id, long offset) throws IOException {
    return core().openLiveLog(id, offset);
  }

  @Override
  public EngineHealth health() {
    return core().health();
  }

  @Override
  public Optional<String> refusalFor(JobSpec.Container container) {
    return core().refusalFor(container);
  }
}
