package org.cove.operator.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cove.operator.ComputeRefusal;
import org.cove.operator.EngineHealth;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.ComputeEngine;
import org.cove.operator.spi.JobAudit;
import org.cove.shared.Address;
import org.cove.shared.AuditTrail;
import org.cove.shared.CoveException;
import org.cove.shared.Did;
import org.cove.shared.ForbiddenException;
import org.cove.shared.NotFoundException;
import org.cove.shared.Page;
import org.cove.shared.ProblemType;

/**
 * The registry over whichever engine is configured. It holds no job state of its own: every answer
 * comes from the engine. It decides who may see what, and records in the ledger what the accounts
 * did (submit, stop, delete, download) and the revocations the provider asks for; the engine
 * records what the jobs did.
 */
@ApplicationScoped
class EngineJobRegistry implements JobRegistry {

  static final int MAX_PAGE_SIZE = 100;

  static final ProblemType ENGINE_UNAVAILABLE =
      new ProblemType("engine-unavailable", 503, "The compute engine cannot take jobs");

  private ComputeEngine engine;
  private AuditTrail auditTrail;
  private Submissions submissions;

  /**
   * Admissions in flight per environment: counted with the running jobs, so two starts cannot both
   * take the last slot, while the slow part of a start (the ledger append, the engine storing the
   * job) runs outside the lock and concurrent starts do not queue behind each other.
   */
  private final Map<String, Integer> admitting = new HashMap<>();

  @Inject
  EngineJobRegistry(ComputeEngine engine, AuditTrail auditTrail, Submissions submissions) {
    this.engine = engine;
    this.auditTrail = auditTrail;
    this.submissions = submissions;
  }

  /** For CDI's proxy. */
  protected EngineJobRegistry() {}

  @Override
  public Job register(JobSpec spec, int maxConcurrent) {
    // the engine records the submission right after it stored the job, with its other entries
    return admit(spec, maxConcurrent, id -> {});
  }

  @Override
  public Job register(JobSpec spec, int maxConcurrent, Consumer<JobId> alongside) {
    // the payments and the submission commit together before the engine has the job, so a job
    // never runs unpaid; the engine finds the submission recorded and skips it
    return admit(
        spec,
        maxConcurrent,
        id ->
            submissions.record(
                id, alongside, JobAudit.submittedKey(id), JobAudit.submitted(id, spec)));
  }

  @Override
  public void checkAdmission(JobSpec spec, int maxConcurrent) {
    checkEngine(spec);
    checkCapacity(spec.environment(), maxConcurrent, 0);
  }

  private Job admit(JobSpec spec, int maxConcurrent, Consumer<JobId> beforeTheEngine) {
    checkEngine(spec);
    JobId id = JobId.random();
    reserveSlot(spec.environment(), maxConcurrent);
    try {
      beforeTheEngine.accept(id);
      engine.submit(id, spec);
    } finally {
      releaseSlot(spec.environment());
    }
    return engine.find(id).orElseThrow();
  }

  /** The engine takes jobs and can run this one's container. */
  private void checkEngine(JobSpec spec) {
    EngineHealth health = engine.health();
    if (!health.acceptsJobs()) {
      throw new CoveException(ENGINE_UNAVAILABLE, health.refusal().orElse("the engine is down"));
    }
    engine
        .refusalFor(spec.algorithm().container())
        .ifPresent(
            why -> {
              throw ComputeRefusal.of("unsupported_image", why);
            });
  }

  private void reserveSlot(String environment, int maxConcurrent) {
    synchronized (admitting) {
      int inFlight = admitting.getOrDefault(environment, 0);
      checkCapacity(environment, maxConcurrent, inFlight);
      admitting.put(environment, inFlight + 1);
    }
  }

  private void checkCapacity(String environment, int maxConcurrent, int inFlight) {
    if (runningJobs(environment) + inFlight >= maxConcurrent) {
      throw new ComputeRefusal(
          ComputeRefusal.CAPACITY,
          "max_jobs_reached",
          "environment " + environment + " already runs " + maxConcurrent + " jobs");
    }
  }

  private void releaseSlot(String environment) {
    synchronized (admitting) {
      admitting.merge(environment, -1, Integer::sum);
    }
  }

  @Override
  public Page<Job> jobsOf(Address owner, int page, int size) {
    return page(() -> engine.jobsOf(owner), page, size);
  }

  @Override
  public Page<Job> jobsOnDatasetsOf(Address publisher, int page, int size) {
    Page<Job> jobs = page(() -> engine.jobsOnDatasetsOf(publisher), page, size);
    return new Page<>(
        jobs.items().stream()
            .map(job -> job.spec().mayRead(publisher) ? job : withoutResults(job))
            .toList(),
        jobs.page(),
        jobs.size(),
        jobs.total());
  }

  @Override
  public Job get(JobId id, Address reader) {
    Job job = engine.find(id).orElseThrow(() -> notFound(id));
    if (job.spec().mayRead(reader)) {
      return job;
    }
    if (job.spec().onDatasetsOf(reader)) {
      return withoutResults(job);
    }
    throw notFound(id);
  }

  @Override
  @Transactional
  public Job stop(JobId id, Address owner) {
    Job job = owned(id, owner);
    if (!job.finished()) {
      auditTrail.recordOnce(JobAudit.stopKey(id), JobAudit.stopRequested(owner, id, job.spec()));
      engine.requestStop(id);
    }
    return engine.find(id).orElseThrow(() -> notFound(id));
  }

  @Override
  public List<Job> activeJobsUsing(Did asset) {
    return engine.jobs(spec -> spec.uses(asset), true).stream()
        .filter(EngineJobRegistry::beforeItsEnd)
        .toList();
  }

  @Override
  @Transactional
  public boolean revoke(JobId id, Address by, String reason) {
    Job job = engine.find(id).orElseThrow(() -> notFound(id));
    if (!beforeItsEnd(job) || job.stopRequested()) {
      return false;
    }
    auditTrail.recordOnce(JobAudit.revokedKey(id), JobAudit.revoked(by, id, job.spec(), reason));
    engine.requestStop(id, Optional.of(reason));
    return true;
  }

  /** Queued, configuring or running: its algorithm has not ended, so a stop still prevents it. */
  private static boolean beforeItsEnd(Job job) {
    return !job.finished() && job.status().stage() != JobStatus.Stage.PUBLISH;
  }

  @Override
  @Transactional
  public void delete(JobId id, Address owner) {
    Job job = owned(id, owner);
    if (!job.finished()) {
      throw new CoveException(ProblemType.CONFLICT, "the job is still running: stop it first");
    }
    auditTrail.recordOnce(JobAudit.deletedKey(id), JobAudit.deleted(owner, id, job.spec()));
    engine.delete(id);
  }

  @Override
  @Transactional
  public ResultContent openResult(JobId id, int index, Address reader) {
    Job job = readable(id, reader);
    JobResult result =
        job.results().stream()
            .filter(r -> r.index() == index)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("job " + id + " has no result " + index));
    auditTrail.record(JobAudit.resultDownloaded(reader, id, job.spec(), result));
    try {
      return new ResultContent(result, engine.openResult(id, index));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public InputStream openResultToPublish(JobId id, int index, Address owner) {
    owned(id, owner);
    try {
      return engine.openResult(id, index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<InputStream> liveLog(JobId id, long offset, Address reader) {
    readable(id, reader);
    if (offset < 0) {
      throw new org.cove.shared.InvalidInputException("offset must not be negative");
    }
    try {
      return engine.openLiveLog(id, offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long runningJobs(String environment) {
    return engine.unfinishedJobs(environment);
  }

  @Override
  public EngineHealth engineHealth() {
    return engine.health();
  }

  private Job readable(JobId id, Address reader) {
    Job job = engine.find(id).orElseThrow(() -> notFound(id));
    if (!job.spec().mayRead(reader)) {
      throw notFound(id);
    }
    return job;
  }

  private Job owned(JobId id, Address owner) {
    Job job = readable(id, owner);
    if (!job.spec().owner().equals(owner)) {
      throw new ForbiddenException("only the job's owner may do this");
    }
    return job;
  }

  private Page<Job> page(java.util.function.Supplier<List<Job>> jobs, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new org.cove.shared.InvalidInputException(
          "page counts from 0; size is 1 to " + MAX_PAGE_SIZE);
    }
    List<Job> matching = jobs.get();
    int from = (int) Math.min((long) page * size, matching.size());
    int to = Math.min(from + size, matching.size());
    return new Page<>(matching.subList(from, to), page, size, matching.size());
  }

  /** What a dataset's publisher sees of someone else's job: everything but the results. */
  private static Job withoutResults(Job job) {
    return new Job(
        job.id(),
        job.spec(),
        job.status(),
        job.dateCreated(),
        job.dateFinished(),
        job.timeline(),
        List.of(),
        job.stopRequested(),
        job.exitCode(),
        job.message());
  }

  private static NotFoundException notFound(JobId id) {
    return new NotFoundException("no job " + id);
  }
}
