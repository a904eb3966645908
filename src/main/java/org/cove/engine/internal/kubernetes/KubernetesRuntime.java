package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.function.Function;
import org.cove.engine.internal.core.BackendThreads;

/**
 * The {@code kubernetes} backend's life: every replica keeps the jobs' cache; only the replica that
 * holds the lease (or every one, without leader election) runs the {@link JobController}, which
 * starts and stops with the lease.
 */
final class KubernetesRuntime implements AutoCloseable {

  private final KubernetesClient client;
  private final KubernetesSettings settings;
  private final JobCache cache;
  private final Function<JobObjects, JobReconciler> reconcilers;
  private final Steps steps;
  private final BackendThreads threads;
  private JobController controller;
  private Leadership leadership;

  KubernetesRuntime(
      KubernetesClient client,
      KubernetesSettings settings,
      JobCache cache,
      Function<JobObjects, JobReconciler> reconcilers,
      Steps steps,
      BackendThreads threads) {
    this.client = client;
    this.settings = settings;
    this.cache = cache;
    this.reconcilers = reconcilers;
    this.steps = steps;
    this.threads = threads;
  }

  /** Starts answering from the jobs' informer; the controller starts separately. */
  public void startCache() {
    cache.start();
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
    controller = new JobController(client, settings, cache.informer(), reconcilers, steps, threads);
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
    return cache.synced();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (leadership != null) {
        leadership.close();
      }
    }
    stopController();
    cache.close();
  }
}
