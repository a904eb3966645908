package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.Supplier;
import org.cove.operator.JobId;

/**
 * The controller's access to the cluster: reads from the informers' caches where they have the
 * object (no request per reconcile) and from the API where a cache may lag (a pod the cache has not
 * seen yet is not a lost pod); creates that treat "already exists" as success; deletes that treat
 * "not found" as success.
 */
final class JobObjects {

  private final KubernetesClient client;
  private final String namespace;
  private final Supplier<Indexer<ComputeJob>> jobs;
  private final Supplier<Indexer<Pod>> pods;
  private final Supplier<Indexer<io.fabric8.kubernetes.api.model.PersistentVolumeClaim>> volumes;
  private final Steps steps;

  JobObjects(
      KubernetesClient client,
      String namespace,
      Supplier<Indexer<ComputeJob>> jobs,
      Supplier<Indexer<Pod>> pods,
      Supplier<Indexer<io.fabric8.kubernetes.api.model.PersistentVolumeClaim>> volumes,
      Steps steps) {
    this.client = client;
    this.namespace = namespace;
    this.jobs = jobs;
    this.pods = pods;
    this.volumes = volumes;
    this.steps = steps;
  }

  Optional<ComputeJob> job(String name) {
    ComputeJob cached = jobs.get().getByKey(Cache.namespaceKeyFunc(namespace, name));
    if (cached != null) {
      return Optional.of(cached);
    }
    return Optional.ofNullable(
        client.resources(ComputeJob.class).inNamespace(namespace).withName(name).get());
  }

  /** The job as the API has it now, bypassing the cache. */
  Optional<ComputeJob> current(String name) {
    return Optional.ofNullable(
        client.resources(ComputeJob.class).inNamespace(namespace).withName(name).get());
  }

  /** The pod from the cache, or else from the API: only a pod the API does not have is missing. */
  Optional<Pod> pod(String name) {
    Pod cached = pods.get().getByKey(Cache.namespaceKeyFunc(namespace, name));
    if (cached != null) {
      return Optional.of(cached);
    }
    return Optional.ofNullable(client.pods().inNamespace(namespace).withName(name).get());
  }

  void create(HasMetadata object) {
    try {
      client.resource(object).inNamespace(namespace).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // already exists: created before a restart, or by another engine; the same either way
    }
    steps.reached("created:" + object.getKind() + ":" + object.getMetadata().getName());
  }

  void deletePod(String name) {
    client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
    steps.reached("deleted:Pod:" + name);
  }

  /**
   * Whether the caches still show any of the job's pods or its volume. The volume goes last in
   * {@link #deleteOwned}, so once it is gone everything else is too: a restarted engine does not
   * send six deletes for every job that finished long ago.
   */
  boolean hasOwned(JobId id, int attempt) {
    for (Stage stage : Stage.values()) {
      if (pods.get().getByKey(Cache.namespaceKeyFunc(namespace, JobNames.pod(id, stage, attempt)))
          != null) {
        return true;
      }
    }
    return volumes.get().getByKey(Cache.namespaceKeyFunc(namespace, JobNames.volume(id))) != null;
  }

  /**
   * Deletes everything the engine made for the job, by name (a plain delete each: the role grants
   * no deletecollection); the resource itself stays.
   */
  void deleteOwned(JobId id, int attempt) {
    for (Stage stage : Stage.values()) {
      client
          .pods()
          .inNamespace(namespace)
          .withName(JobNames.pod(id, stage, attempt))
          .withGracePeriod(0)
          .delete();
    }
    client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(namespace)
        .withName(JobNames.networkPolicy(id))
        .delete();
    client.secrets().inNamespace(namespace).withName(JobNames.tokenSecret(id)).delete();
    client.persistentVolumeClaims().inNamespace(namespace).withName(JobNames.volume(id)).delete();
    steps.reached("deleted:owned:" + id);
  }

  void deleteJob(String job) {
    client.resources(ComputeJob.class).inNamespace(namespace).withName(job).delete();
  }

  InputStream log(String pod) {
    return client.pods().inNamespace(namespace).withName(pod).getLogInputStream();
  }
}
