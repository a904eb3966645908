package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.EngineHealth;
import org.cove.operator.Environments;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.ComputeEngine;
import org.cove.operator.spi.JobInputs;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.Address;
import org.cove.shared.AuditTrail;
import org.cove.shared.CoveException;
import org.cove.shared.NotFoundException;
import org.cove.shared.ProblemType;

/**
 * The {@code kubernetes} engine itself, built from explicit collaborators so that tests run it
 * whole against a mock API server. Every replica keeps an informer on the jobs and answers from it;
 * only the replica that holds the lease (or every one, without leader election) runs the {@link
 * JobController}. Job state lives in the {@link ComputeJob} resources only; results and logs in the
 * result store.
 */
public final class KubernetesBackend implements ComputeEngine, StageExchange, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KubernetesBackend.class.getName());
  static final Duration FALLBACK_EXPIRY = Duration.ofDays(7);

  private final KubernetesClient client;
  private final KubernetesSettings settings;
  private final Environments environments;
  private final Clock clock;
  private final ResultStore results;
  private final StageFiles stageFiles;
  private final JobLedger ledger;
  private final Steps steps;
  private final ThreadFactory threads;
  private final ScheduledExecutorService timer;
  private final Consumer<Job> ended;
  private final SharedIndexInformer<ComputeJob> jobs;

  /**
   * Jobs this replica deleted that its cache has not yet reported deleted: hidden from every read,
   * so a delete is seen at once by the caller that made it, as on the local engine.
   */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  private final StatusWriter statuses;
  private JobController controller;
  private Leadership leadership;

  public KubernetesBackend(
      KubernetesClient client,
      KubernetesSettings settings,
      JobInputs inputs,
      AuditTrail trail,
      Address engineActor,
      Clock clock,
      Environments environments,
      Path dataDirectory,
      ScheduledExecutorService timer,
      ThreadFactory threads,
      Consumer<Job> ended) {
    this(
        client,
        settings,
        inputs,
        trail,
        engineActor,
        clock,
        environments,
        dataDirectory,
        timer,
        threads,
        ended,
        Steps.NONE);
  }

  KubernetesBackend(
      KubernetesClient client,
      KubernetesSettings settings,
      JobInputs inputs,
      AuditTrail trail,
      Address engineActor,
      Clock clock,
      Environments environments,
      Path dataDirectory,
      ScheduledExecutorService timer,
      ThreadFactory threads,
      Consumer<Job> ended,
      Steps steps) {
    this.client = client;
    this.settings = settings;
    this.environments = environments;
    this.clock = clock;
    this.timer = timer;
    this.threads = threads;
    this.ended = ended;
    this.steps = steps;
    Path root = dataDirectory.resolve("engine").resolve("kubernetes");
    this.results = new ResultStore(root.resolve("results"), ResultStore.LOG_MAX_BYTES);
    this.stageFiles = new StageFiles(inputs, root.resolve("scratch"));
    this.ledger = new JobLedger(trail, engineActor, steps);
    this.statuses = new StatusWriter(client, settings.namespace());
    this.jobs =
        client
            .resources(ComputeJob.class)
            .inNamespace(settings.namespace())
            .withLabels(JobNames.managed())
            .runnableInformer(settings.resync().toMillis());
    jobs.addIndexers(
        Map.of(
            BY_OWNER,
            KubernetesBackend::ownerOf,
            BY_DATASET_PUBLISHER,
            KubernetesBackend::datasetPublishersOf,
            UNFINISHED_BY_ENVIRONMENT,
            KubernetesBackend::unfinishedIn));
    jobs.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ComputeJob job) {}

          @Override
          public void onUpdate(ComputeJob before, ComputeJob after) {}

          @Override
          public void onDelete(ComputeJob job, boolean finalStateUnknown) {
            deleted.remove(job.getMetadata().getName());
          }
        });
  }

  private boolean visible(ComputeJob job) {
    return !deleted.contains(job.getMetadata().getName());
  }

  /** The informer's index of jobs by their owner label (lower case, as addresses are kept). */
  static final String BY_OWNER = "owner";

  private static List<String> ownerOf(ComputeJob job) {
    Map<String, String> labels = job.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(JobNames.OWNER);
    return owner == null ? List.of() : List.of(owner);
  }

  /** The informer's index of jobs by their datasets' publishers (as addresses are kept). */
  static final String BY_DATASET_PUBLISHER = "dataset-publisher";

  private static List<String> datasetPublishersOf(ComputeJob job) {
    if (job.getSpec() == null || job.getSpec().datasets == null) {
      return List.of();
    }
    return job.getSpec().datasets.stream()
        .map(d -> d.publisher)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }

  /**
   * The informer's index of the jobs that have not ended, by environment: every start counts them
   * under the admission lock, so the count must not walk all the cache holds.
   */
  static final String UNFINISHED_BY_ENVIRONMENT = "unfinished";

  private static List<String> unfinishedIn(ComputeJob job) {
    boolean ended = ComputeJobs.status(job).terminal();
    return ended || job.getSpec() == null || job.getSpec().environment == null
        ? List.of()
        : List.of(job.getSpec().environment);
  }

  @Override
  public long unfinishedJobs(String environment) {
    return jobs.getIndexer().byIndex(UNFINISHED_BY_ENVIRONMENT, environment).stream()
        .filter(this::visible)
        .count();
  }

  /** Starts answering from the jobs' informer; the controller starts separately. */
  public void startCache() {
    Informers.start(jobs);
  }

  /**
   * Stands for election: the replica holding the lease runs the controller; the lease lasts {@code
   * leaseDuration} past the holder's last renewal, so a dead leader is replaced within it.
   */
  public synchronized void startElected(String identity, Duration leaseDuration) {
    leadership =
        new Leadership(
            client,
            settings.namespace(),
            identity,
            leaseDuration,
            this::startController,
            this::stopController);
    leadership.start();
  }

  /** Starts acting on jobs: called on the replica that became leader. */
  public synchronized void startController() {
    if (controller != null) {
      return;
    }
    controller =
        new JobController(
            client,
            settings,
            jobs,
            objects ->
                new JobReconciler(
                    objects,
                    new JobManifests(settings),
                    statuses,
                    results,
                    ledger,
                    clock,
                    settings,
                    this::storageExpiry,
                    job -> ended.accept(ComputeJobs.job(job)),
                    steps),
            steps,
            threads,
            timer);
    controller.start();
  }

  /** Stops acting on jobs (the lease was lost, or the application stops). */
  public synchronized void stopController() {
    if (controller != null) {
      controller.close();
      controller = null;
    }
  }

  /** Reconciles every known job now, as the periodic resync does. */
  public synchronized void resyncNow() {
    if (controller != null) {
      controller.resyncNow();
    }
  }

  synchronized boolean controlling() {
    return controller != null;
  }

  boolean synced() {
    return jobs.hasSynced();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (leadership != null) {
        leadership.close();
      }
    }
    stopController();
    jobs.stop();
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
    client
        .resources(ComputeJob.class)
        .inNamespace(settings.namespace())
        .resource(resource)
        .create();
  }

  @Override
  public Optional<Job> find(JobId id) {
    return resource(id).map(ComputeJobs::job);
  }

  @Override
  public List<Job> jobs() {
    return jobs(spec -> true, false);
  }

  @Override
  public List<Job> jobs(Predicate<JobSpec> matching, boolean unfinishedOnly) {
    return jobs.getIndexer().list().stream()
        .filter(this::visible)
        .filter(job -> !unfinishedOnly || !ComputeJobs.status(job).terminal())
        .map(ComputeJobs::job)
        .filter(job -> matching.test(job.spec()))
        .sorted(Comparator.comparing(Job::dateCreated).reversed())
        .toList();
  }

  /** From the publisher index: proportional to the jobs on their datasets, not to all. */
  @Override
  public List<Job> jobsOnDatasetsOf(Address publisher) {
    return indexed(BY_DATASET_PUBLISHER, publisher.value(), spec -> spec.onDatasetsOf(publisher));
  }

  /** From the owner index: proportional to the owner's jobs, not to all the cache holds. */
  @Override
  public List<Job> jobsOf(Address owner) {
    return indexed(BY_OWNER, owner.value(), spec -> spec.owner().equals(owner));
  }

  /**
   * The jobs an index holds under the key, newest first; each is checked against {@code matching}
   * too, since an index key is only a resource's label or field as written.
   */
  private List<Job> indexed(String index, String key, Predicate<JobSpec> matching) {
    return jobs.getIndexer().byIndex(index, key).stream()
        .filter(this::visible)
        .map(ComputeJobs::job)
        .filter(job -> matching.test(job.spec()))
        .sorted(Comparator.comparing(Job::dateCreated).reversed())
        .toList();
  }

  @Override
  public void requestStop(JobId id) {
    ComputeJob job = resource(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (ComputeJobs.status(job).terminal() || job.getSpec().stopRequested) {
      return;
    }
    client
        .resources(ComputeJob.class)
        .inNamespace(settings.namespace())
        .withName(id.value())
        // a merge patch without a resourceVersion: it cannot conflict, and setting it twice is once
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"spec\":{\"stopRequested\":true}}");
  }

  @Override
  public void delete(JobId id) {
    ComputeJob job = resource(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (!ComputeJobs.status(job).terminal()) {
      throw new CoveException(ProblemType.CONFLICT, "the job has not finished; stop it first");
    }
    try {
      results.delete(id);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("job " + id + " could not be deleted", e);
    }
    deleted.add(id.value());
    try {
      client
          .resources(ComputeJob.class)
          .inNamespace(settings.namespace())
          .withName(id.value())
          .delete();
    } catch (RuntimeException e) {
      deleted.remove(id.value());
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
    ComputeJob resource = resource(id).orElseThrow(() -> new NotFoundException("no such job"));
    JobStatus status = ComputeJobs.status(resource);
    long from = Math.max(0, offset);
    byte[] log;
    if (status == JobStatus.RUNNING) {
      Optional<byte[]> running = runningLog(id, attempt(resource));
      if (running.isEmpty()) {
        return Optional.empty();
      }
      log = java.util.Arrays.copyOf(running.get(), lastLineEnd(running.get()));
    } else if (results.hasLog(id, Stage.ALGORITHM)) {
      log = java.nio.file.Files.readAllBytes(results.log(id, Stage.ALGORITHM));
      if (from >= log.length) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    int start = (int) Math.min(from, log.length);
    return Optional.of(new java.io.ByteArrayInputStream(log, start, log.length - start));
  }

  /** Empty while the pod has no log to give (not started yet, or gone). */
  private Optional<byte[]> runningLog(JobId id, int attempt) {
    String pod = JobNames.pod(id, Stage.ALGORITHM, attempt);
    try (InputStream in =
        client.pods().inNamespace(settings.namespace()).withName(pod).getLogInputStream()) {
      return Optional.of(in == null ? new byte[0] : in.readNBytes(ResultStore.LOG_MAX_BYTES));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "The log of pod " + pod + " could not be read", e);
      return Optional.empty();
    }
  }

  private static int attempt(ComputeJob job) {
    return job.getStatus() == null || job.getStatus().attempt == 0 ? 1 : job.getStatus().attempt;
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

  @Override
  public Content datasets(JobId id, String token) {
    JobSpec spec = authorised(id, token, JobStatus.Stage.CONFIGURE);
    return out -> withoutLocations(id, "datasets", () -> stageFiles.writeDatasets(spec, out));
  }

  @Override
  public Content algorithm(JobId id, String token) {
    JobSpec spec = authorised(id, token, JobStatus.Stage.CONFIGURE);
    return out -> withoutLocations(id, "algorithm", () -> stageFiles.writeAlgorithm(spec, out));
  }

  /**
   * Runs a write whose failure may name files of the provider's storage (a dataset it could not
   * read): the failure that leaves, to the HTTP layer and its log, says what failed, not where.
   */
  private static void withoutLocations(JobId id, String what, Write write) throws IOException {
    try {
      write.run();
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "the "
              + what
              + " of job "
              + id
              + " could not be provided ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }

  /**
   * Takes the publish pod's outputs, counted against the job's quota as they stream. Outputs past
   * the quota are not kept and the job will end with 42 whatever the publish pod does next; its
   * logs are published as for any ending.
   */
  @Override
  public void receiveOutputs(JobId id, String token, InputStream tar) throws IOException {
    JobSpec spec = authorised(id, token, JobStatus.Stage.PUBLISH);
    if (!publishing(id)) {
      throw new CoveException(ProblemType.CONFLICT, "the job is not publishing yet");
    }
    long quota = outputQuota(spec);
    try {
      results.receiveOutputs(id, tar, quota);
    } catch (OutputsReceiver.QuotaExceeded e) {
      statuses.update(id.value(), s -> JobReconciler.outputQuotaExceeded(s, e.getMessage()));
      throw e;
    }
  }

  /**
   * Outputs come from the publish stage only: the status says so, or the publish pod exists (it is
   * created just before the status is written).
   */
  private boolean publishing(JobId id) {
    ComputeJob job = resource(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (ComputeJobs.status(job) == JobStatus.PUBLISHING) {
      return true;
    }
    return client
            .pods()
            .inNamespace(settings.namespace())
            .withName(JobNames.pod(id, Stage.PUBLISH, attempt(job)))
            .get()
        != null;
  }

  /** The job's {@code disk} (GB), as the local engine counts it; else the job volume's size. */
  long outputQuota(JobSpec spec) {
    double disk = spec.amount("disk", 0);
    if (disk > 0) {
      return (long) (disk * 1024 * 1024 * 1024);
    }
    return io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
            new io.fabric8.kubernetes.api.model.Quantity(settings.volumeSize()))
        .longValue();
  }

  /**
   * The job's spec when the token is the job's and the job has not gone past the stage that asks; a
   * wrong token is "not found", so a caller learns nothing about other jobs. A stage's pod is
   * created before the status says so (a crash in between must not lose it), so the check is "not
   * past", not "in".
   */
  private JobSpec authorised(JobId id, String token, JobStatus.Stage stage) {
    NotFoundException refused = new NotFoundException("no such job");
    ComputeJob job = resource(id).orElseThrow(() -> refused);
    Secret secret =
        client.secrets().inNamespace(settings.namespace()).withName(JobNames.tokenSecret(id)).get();
    if (token == null || secret == null || !matches(secret, token)) {
      throw refused;
    }
    JobStatus status = ComputeJobs.status(job);
    if (status.terminal() || status.stage().compareTo(stage) > 0) {
      throw new CoveException(ProblemType.CONFLICT, "the job is past that stage");
    }
    return ComputeJobs.spec(job.getSpec());
  }

  private static boolean matches(Secret secret, String token) {
    String stored = null;
    if (secret.getData() != null && secret.getData().get(JobManifests.TOKEN_KEY) != null) {
      stored =
          new String(
              Base64.getDecoder().decode(secret.getData().get(JobManifests.TOKEN_KEY)),
              StandardCharsets.UTF_8);
    } else if (secret.getStringData() != null) {
      stored = secret.getStringData().get(JobManifests.TOKEN_KEY);
    }
    return stored != null
        && MessageDigest.isEqual(
            stored.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private Optional<ComputeJob> resource(JobId id) {
    if (deleted.contains(id.value())) {
      return Optional.empty();
    }
    ComputeJob cached =
        jobs.getIndexer()
            .getByKey(
                io.fabric8.kubernetes.client.informers.cache.Cache.namespaceKeyFunc(
                    settings.namespace(), id.value()));
    if (cached != null) {
      return Optional.of(cached);
    }
    return Optional.ofNullable(
        client
            .resources(ComputeJob.class)
            .inNamespace(settings.namespace())
            .withName(id.value())
            .get());
  }

  /** Empty when the environments cannot be read now: results are kept, never deleted early. */
  private Optional<Duration> storageExpiry(ComputeJob job) {
    try {
      return Optional.of(
          environments
              .find(job.getSpec().environment)
              .map(ComputeEnvironment::storageExpiry)
              .filter(seconds -> seconds > 0)
              .map(Duration::ofSeconds)
              .orElse(FALLBACK_EXPIRY));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Environments unavailable; expiry waits", e);
      return Optional.empty();
    }
  }

  private static int lastLineEnd(byte[] content) {
    for (int i = content.length - 1; i >= 0; i--) {
      if (content[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }
}
