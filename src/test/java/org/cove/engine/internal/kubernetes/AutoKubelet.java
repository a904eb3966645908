package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.cove.operator.JobId;

/**
 * Plays kubelet for every stage pod the engines create: runs it (the configure pod fetches its
 * inputs, the publish pod hands over an output) and ends it successfully. It also counts every pod
 * ever created per name, by uid, so a test can prove no (stage, attempt) got two pods.
 */
final class AutoKubelet implements AutoCloseable {

  private final KubeFixture kube;
  private final Supplier<KubernetesBackend> exchange;
  private final Map<String, Set<String>> uidsByName = new ConcurrentHashMap<>();

  /** When each pod was seen created, and when the test ended it (nanoTime). */
  final Map<String, Long> createdAt = new ConcurrentHashMap<>();

  final Map<String, Long> endedAt = new ConcurrentHashMap<>();
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final ExecutorService runner = Executors.newFixedThreadPool(2, KubeFixture.daemons());
  private final Watch watch;

  AutoKubelet(KubeFixture kube, Supplier<KubernetesBackend> exchange) {
    this.kube = kube;
    this.exchange = exchange;
    this.watch =
        kube.client
            .pods()
            .inNamespace(KubeFixture.NAMESPACE)
            .withLabels(JobNames.managed())
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    if (action == Action.ADDED) {
                      createdAt.putIfAbsent(pod.getMetadata().getName(), System.nanoTime());
                      uidsByName
                          .computeIfAbsent(
                              pod.getMetadata().getName(), n -> ConcurrentHashMap.newKeySet())
                          .add(pod.getMetadata().getUid());
                      if (handled.add(pod.getMetadata().getUid())) {
                        runner.execute(() -> run(pod));
                      }
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  private void run(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    JobId id = new JobId(labels.get(JobNames.JOB));
    Stage stage = Stage.valueOf(labels.get(JobNames.STAGE).toUpperCase());
    int exit = 0;
    try {
      switch (stage) {
        case CONFIGURE -> kube.configurePodFetches(exchange.get(), id);
        case PUBLISH -> kube.publishPodHandsOver(exchange.get(), id, "out.txt", "result\n");
        default -> {}
      }
    } catch (Exception e) {
      exit = stage == Stage.CONFIGURE ? 31 : 1;
    }
    try {
      kube.finish(id, stage, exit);
      endedAt.put(pod.getMetadata().getName(), System.nanoTime());
    } catch (RuntimeException e) {
      // the engine deleted the pod meanwhile (a stop); nothing to end
    }
  }

  /** The most pods ever created under one name. */
  int mostPodsPerName() {
    return uidsByName.values().stream().mapToInt(Set::size).max().orElse(0);
  }

  int podNames() {
    return uidsByName.size();
  }

  @Override
  public void close() {
    watch.close();
    runner.shutdownNow();
  }
}
