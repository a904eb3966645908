package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cove.engine.internal.core.BackendServices;
import org.cove.engine.internal.core.BackendThreads;
import org.cove.engine.internal.core.StorageExpiry;
import org.cove.operator.Job;

/**
 * The {@code kubernetes} backend, built from explicit collaborators so that tests run it whole
 * against a mock API server: its three roles over one cache of the jobs. Job state lives in the
 * {@link ComputeJob} resources only; results and logs in the result store under {@code <data
 * dir>/engine/kubernetes/}.
 *
 * @param jobs the operator's {@link org.cove.operator.spi.ComputeEngine}, answering from the cache
 * @param exchange the stage pods' calls
 * @param runtime the cache, the lease and the controller
 */
record KubernetesBackend(
    KubernetesJobs jobs, KubernetesStageExchange exchange, KubernetesRuntime runtime)
    implements AutoCloseable {

  static KubernetesBackend build(
      KubernetesClient client,
      KubernetesSettings settings,
      BackendServices services,
      BackendThreads threads,
      Consumer<Job> ended) {
    return build(client, settings, services, threads, ended, Steps.NONE);
  }

  static KubernetesBackend build(
      KubernetesClient client,
      KubernetesSettings settings,
      BackendServices services,
      BackendThreads threads,
      Consumer<Job> ended,
      Steps steps) {
    Path root = services.dataDirectory().resolve("engine").resolve("kubernetes");
    ResultStore results = new ResultStore(root.resolve("results"), ResultStore.LOG_MAX_BYTES);
    StatusWriter statuses = new StatusWriter(client, settings.namespace());
    JobLedger ledger = new JobLedger(services.history(), steps);
    JobCache cache = new JobCache(client, settings);
    JobRecord record = new JobRecord(statuses, ledger, steps);
    JobManifests manifests = new JobManifests(settings);
    StorageExpiry expiry = new StorageExpiry(services.environments());
    return new KubernetesBackend(
        new KubernetesJobs(client, settings, cache, results, ledger, services.clock()),
        new KubernetesStageExchange(
            client,
            settings,
            cache,
            new StageFiles(services.inputs(), root.resolve("scratch")),
            results,
            statuses),
        new KubernetesRuntime(
            client,
            settings,
            cache,
            objects ->
                new JobReconciler(
                    services.inputs(),
                    objects,
                    manifests,
                    record,
                    new PodLogs(objects, results, steps),
                    new Endings(
                        objects,
                        record,
                        results,
                        expiry,
                        settings,
                        services.clock(),
                        job -> ended.accept(ComputeJobs.job(job))),
                    settings,
                    services.clock()),
            steps,
            threads));
  }

  /** Stops the controller, the lease and the cache. */
  @Override
  public void close() {
    runtime.close();
  }
}
