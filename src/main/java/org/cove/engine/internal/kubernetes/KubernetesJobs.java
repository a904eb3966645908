package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.LiveLogs;
import org.cove.operator.EngineHealth;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.ComputeEngine;
import org.cove.shared.Address;
import org.cove.shared.CoveException;
import org.cove.shared.LogSafe;
import org.cove.shared.NotFoundException;
import org.cove.shared.ProblemType;

/**
 * The {@code kubernetes} backend's {@link ComputeEngine}: a submit creates the job's resource, and
 * every read is answered from the {@link JobCache} (an owner's or a publisher's jobs from its
 * indexes), the results and logs from the result store. It only writes the resource's spec; the
 * controller acts on it.
 */
final class KubernetesJobs implements ComputeEngine {

  private static final Logger LOG = Logger.getLogger(KubernetesJobs.class.getName());

  private final KubernetesClient client;
  private final String namespace;
  private final JobCache cache;
  private final ResultStore results;
  private final JobLedger ledger;
  private final Clock clock;

  KubernetesJobs(
      KubernetesClient client,
      KubernetesSettings settings,
      JobCache cache,
      ResultStore results,
      JobLedger ledger,
      Clock clock) {
    this.client = client;
    this.namespace = settings.namespace();
    this.cache = cache;
    this.results = results;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public void submit(JobId id, JobSpec spec) {
    // the registry refused such a job already; a caller past it must not create a resource
    refusalFor(spec.algorithm().container())
        .ifPresent(
            why -> {
              throw new CoveException(ProblemType.INVALID_REQUEST, why);
            });
    ComputeJob resource = ComputeJobs.resource(id, spec, clock.instant());
    client.resources(ComputeJob.class).inNamespace(namespace).resource(resource).create();
  }

  @Override
  public Optional<Job> find(JobId id) {
    return cache.find(id).map(ComputeJobs::job);
  }

  @Override
  public List<Job> jobs() {
    return jobs(spec -> true, false);
  }

  @Override
  public List<Job> jobs(Predicate<JobSpec> matching, boolean unfinishedOnly) {
    return cache.all().stream()
        .filter(job -> !unfinishedOnly || !ComputeJobs.status(job).terminal())
        .map(ComputeJobs::job)
        .filter(job -> matching.test(job.spec()))
        .sorted(Comparator.comparing(Job::dateCreated).reversed())
        .toList();
  }

  /** From the publisher index: proportional to the jobs on their datasets, not to all. */
  @Override
  public List<Job> jobsOnDatasetsOf(Address publisher) {
    return indexed(
        JobCache.BY_DATASET_PUBLISHER, publisher.value(), spec -> spec.onDatasetsOf(publisher));
  }

  /** From the owner index: proportional to the owner's jobs, not to all the cache holds. */
  @Override
  public List<Job> jobsOf(Address owner) {
    return indexed(JobCache.BY_OWNER, owner.value(), spec -> spec.owner().equals(owner));
  }

  /** Counted under the admission lock at every start: from the index, never a walk of all. */
  @Override
  public long unfinishedJobs(String environment) {
    return cache.indexed(JobCache.UNFINISHED_BY_ENVIRONMENT, environment).size();
  }

  /**
   * The jobs an index holds under the key, newest first; each is checked against {@code matching}
   * too, since an index key is only a resource's label or field as written.
   */
  private List<Job> indexed(String index, String key, Predicate<JobSpec> matching) {
    return cache.indexed(index, key).stream()
        .map(ComputeJobs::job)
        .filter(job -> matching.test(job.spec()))
        .sorted(Comparator.comparing(Job::dateCreated).reversed())
        .toList();
  }

  /**
   * Asks once: the first stop's reason is the one the job keeps. The informer's copy may lag a stop
   * just written, so the patch names the resourceVersion it judged (the API server answers 409 if
   * the job changed since) and a conflict is judged again on the job as it is now.
   */
  @Override
  public void requestStop(JobId id, Optional<String> reason) {
    ComputeJob current = cache.find(id).orElseThrow(() -> new NotFoundException("no such job"));
    while (current != null
        && !ComputeJobs.status(current).terminal()
        && !current.getSpec().stopRequested) {
      try {
        customResources()
            .withName(id.value())
            .patch(PatchContext.of(PatchType.JSON), stopPatch(current, reason));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          return;
        }
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        current = customResources().withName(id.value()).get();
      }
    }
  }

  private String stopPatch(ComputeJob current, Optional<String> reason) {
    GuardedPatch patch =
        new GuardedPatch(client.getKubernetesSerialization(), current)
            .add("/spec/stopRequested", true);
    reason.ifPresent(why -> patch.add("/spec/stopReason", why));
    return patch.toJson();
  }

  private NonNamespaceOperation<
          ComputeJob, KubernetesResourceList<ComputeJob>, Resource<ComputeJob>>
      customResources() {
    return client.resources(ComputeJob.class).inNamespace(namespace);
  }

  @Override
  public void delete(JobId id) {
    ComputeJob job = cache.find(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (!ComputeJobs.status(job).terminal()) {
      throw new CoveException(ProblemType.CONFLICT, "the job has not finished; stop it first");
    }
    try {
      results.delete(id);
    } catch (IOException e) {
      throw new UncheckedIOException("job " + id + " could not be deleted", e);
    }
    cache.hide(id);
    try {
      client.resources(ComputeJob.class).inNamespace(namespace).withName(id.value()).delete();
    } catch (RuntimeException e) {
      cache.show(id);
      throw e;
    }
    ledger.forget(id);
  }

  @Override
  public InputStream openResult(JobId id, int index) throws IOException {
    Job job = find(id).orElseThrow(() -> new NotFoundException("no such job"));
    JobResult result =
        job.results().stream()
            .filter(r -> r.index() == index)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("the job has no result " + index));
    return results.open(id, result.type(), result.filename());
  }

  /**
   * While the algorithm runs, its pod's log so far (whole lines, so that each view is a prefix of
   * the next); once the algorithm ended (publishing, or finished), the log the engine copied from
   * the pod, which is where a follower reads the last lines. Each look reads the pod's log from its
   * start, capped as the copied log is: offsets stay valid from the first look to the last.
   */
  @Override
  public Optional<InputStream> openLiveLog(JobId id, long offset) throws IOException {
    ComputeJob resource = cache.find(id).orElseThrow(() -> new NotFoundException("no such job"));
    JobStatus status = ComputeJobs.status(resource);
    long from = Math.max(0, offset);
    byte[] log;
    if (status == JobStatus.RUNNING) {
      Optional<byte[]> running = runningLog(id, ComputeJobs.attempt(resource));
      if (running.isEmpty()) {
        return Optional.empty();
      }
      log = LiveLogs.completeLines(running.get());
    } else if (results.hasLog(id, Stage.ALGORITHM)) {
      log = Files.readAllBytes(results.log(id, Stage.ALGORITHM));
      if (from >= log.length) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    int start = (int) Math.min(from, log.length);
    return Optional.of(new ByteArrayInputStream(log, start, log.length - start));
  }

  /** Empty while the pod has no log to give (not started yet, or gone). */
  private Optional<byte[]> runningLog(JobId id, int attempt) {
    String pod = JobNames.pod(id, Stage.ALGORITHM, attempt);
    try (InputStream in = client.pods().inNamespace(namespace).withName(pod).getLogInputStream()) {
      return Optional.of(in == null ? new byte[0] : in.readNBytes(ResultStore.LOG_MAX_BYTES));
    } catch (IOException | RuntimeException e) {
      LogSafe.log(LOG, Level.FINE, "The log of pod " + pod + " could not be read", e);
      return Optional.empty();
    }
  }

  @Override
  public EngineHealth health() {
    return EngineHealth.ready();
  }

  /** Pods pull images by digest only: a container without a sha256 digest cannot run here. */
  @Override
  public Optional<String> refusalFor(JobSpec.Container container) {
    if (ComputeJobs.pinnedImage(container).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "image "
            + container.image()
            + ":"
            + container.tag()
            + " has no sha256 digest in its checksum; the Kubernetes engine runs images by digest"
            + " only");
  }
}
