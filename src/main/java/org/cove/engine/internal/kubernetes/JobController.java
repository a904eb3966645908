package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.cove.engine.internal.core.BackendThreads;

/**
 * The engine's control loop, run by the elected engine only: informers on the engine's pods and
 * volumes (and the jobs' informer every replica keeps) feed a work queue keyed by job, whose
 * workers run {@link JobReconciler}. Every event about a job, and every resync, runs the job's
 * whole reconcile; a restart therefore resumes every job where its resource and pods say it is.
 */
final class JobController implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JobController.class.getName());

  private final KubernetesClient client;
  private final KubernetesSettings settings;
  private final SharedIndexInformer<ComputeJob> jobs;
  private final WorkQueue queue;
  private final ResourceEventHandler<ComputeJob> jobEvents;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<PersistentVolumeClaim> volumes;
  private volatile boolean running;

  JobController(
      KubernetesClient client,
      KubernetesSettings settings,
      SharedIndexInformer<ComputeJob> jobs,
      Function<JobObjects, JobReconciler> reconcilers,
      Steps steps,
      BackendThreads threads) {
    this.client = client;
    this.settings = settings;
    this.jobs = jobs;
    this.pods = podInformer();
    this.volumes = volumeInformer();
    JobObjects objects =
        new JobObjects(
            client,
            settings.namespace(),
            jobs::getIndexer,
            pods::getIndexer,
            volumes::getIndexer,
            steps);
    JobReconciler reconciler = reconcilers.apply(objects);
    this.queue =
        new WorkQueue(
            reconciler::reconcile, settings.workers(), threads.factory(), threads.scheduler());
    this.jobEvents = handler(job -> job.getMetadata().getName());
  }

  void start() {
    running = true;
    queue.start();
    pods.addEventHandler(handler(this::jobOf));
    volumes.addEventHandler(handler(this::jobOf));
    Informers.start(volumes);
    Informers.start(pods);
    jobs.addEventHandler(jobEvents);
    resyncNow();
    LOG.info("The Kubernetes engine's controller runs in namespace " + settings.namespace());
  }

  /** Queues every job the cache holds (the informers also do this every resync period). */
  void resyncNow() {
    jobs.getIndexer().list().forEach(job -> queue.add(job.getMetadata().getName()));
  }

  void enqueue(String job) {
    queue.add(job);
  }

  int queued() {
    return queue.size();
  }

  @Override
  public void close() {
    running = false;
    queue.close();
    jobs.removeEventHandler(jobEvents);
    pods.stop();
    volumes.stop();
  }

  private SharedIndexInformer<Pod> podInformer() {
    return client
        .pods()
        .inNamespace(settings.namespace())
        .withLabels(JobNames.managed())
        .runnableInformer(settings.resync().toMillis());
  }

  private SharedIndexInformer<PersistentVolumeClaim> volumeInformer() {
    return client
        .persistentVolumeClaims()
        .inNamespace(settings.namespace())
        .withLabels(JobNames.managed())
        .runnableInformer(settings.resync().toMillis());
  }

  private String jobOf(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(JobNames.JOB);
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(Function<T, String> job) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        enqueue(object);
      }

      @Override
      public void onUpdate(T before, T after) {
        enqueue(after);
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        enqueue(object);
      }

      private void enqueue(T object) {
        String name = job.apply(object);
        if (running && name != null) {
          queue.add(name);
        }
      }
    };
  }
}
