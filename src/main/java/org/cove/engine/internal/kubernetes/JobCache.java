package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cove.operator.JobId;

/**
 * Every replica's view of the jobs: an informer on the {@link ComputeJob} resources, indexed so
 * that what is asked most (an owner's jobs, a publisher's, the count of unfinished jobs at every
 * start) never walks all the cache holds. A job this replica deleted is hidden from every read
 * until the cache reports it gone, so a delete is seen at once by the caller that made it, as on
 * the local engine.
 */
final class JobCache implements AutoCloseable {

  /** The index of jobs by their owner label (lower case, as addresses are kept). */
  static final String BY_OWNER = "owner";

  /** The index of jobs by their datasets' publishers (as addresses are kept). */
  static final String BY_DATASET_PUBLISHER = "dataset-publisher";

  /** The index of the jobs that have not ended, by environment. */
  static final String UNFINISHED_BY_ENVIRONMENT = "unfinished";

  private final KubernetesClient client;
  private final String namespace;
  private final SharedIndexInformer<ComputeJob> informer;
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  JobCache(KubernetesClient client, KubernetesSettings settings) {
    this.client = client;
    this.namespace = settings.namespace();
    this.informer =
        client
            .resources(ComputeJob.class)
            .inNamespace(namespace)
            .withLabels(JobNames.managed())
            .runnableInformer(settings.resync().toMillis());
    informer.addIndexers(
        Map.of(
            BY_OWNER,
            JobCache::ownerOf,
            BY_DATASET_PUBLISHER,
            JobCache::datasetPublishersOf,
            UNFINISHED_BY_ENVIRONMENT,
            JobCache::unfinishedIn));
    informer.addEventHandler(
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

  /** Starts answering from the informer. */
  void start() {
    Informers.start(informer);
  }

  boolean synced() {
    return informer.hasSynced();
  }

  /** The informer itself, which the controller also listens to. */
  SharedIndexInformer<ComputeJob> informer() {
    return informer;
  }

  /** The job from the cache, or else from the API (a job just created may not be cached yet). */
  Optional<ComputeJob> find(JobId id) {
    if (deleted.contains(id.value())) {
      return Optional.empty();
    }
    ComputeJob cached =
        informer.getIndexer().getByKey(Cache.namespaceKeyFunc(namespace, id.value()));
    if (cached != null) {
      return Optional.of(cached);
    }
    return Optional.ofNullable(
        client.resources(ComputeJob.class).inNamespace(namespace).withName(id.value()).get());
  }

  /** Every job the cache holds. */
  List<ComputeJob> all() {
    return informer.getIndexer().list().stream().filter(this::visible).toList();
  }

  /** The jobs an index holds under the key. */
  List<ComputeJob> indexed(String index, String key) {
    return informer.getIndexer().byIndex(index, key).stream().filter(this::visible).toList();
  }

  /** Hides the job from every read: this replica is deleting it. */
  void hide(JobId id) {
    deleted.add(id.value());
  }

  /** Shows the job again: its delete failed. */
  void show(JobId id) {
    deleted.remove(id.value());
  }

  @Override
  public void close() {
    informer.stop();
  }

  private boolean visible(ComputeJob job) {
    return !deleted.contains(job.getMetadata().getName());
  }

  private static List<String> ownerOf(ComputeJob job) {
    Map<String, String> labels = job.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(JobNames.OWNER);
    return owner == null ? List.of() : List.of(owner);
  }

  private static List<String> datasetPublishersOf(ComputeJob job) {
    if (job.getSpec() == null || job.getSpec().datasets == null) {
      return List.of();
    }
    return job.getSpec().datasets.stream()
        .map(d -> d.publisher)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  private static List<String> unfinishedIn(ComputeJob job) {
    boolean ended = ComputeJobs.status(job).terminal();
    return ended || job.getSpec() == null || job.getSpec().environment == null
        ? List.of()
        : List.of(job.getSpec().environment);
  }
}
