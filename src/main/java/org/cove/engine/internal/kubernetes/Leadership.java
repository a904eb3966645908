package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Elects one acting engine among the replicas with a coordination Lease ({@code cove-engine} in the
 * namespace): the holder runs the controller, the others only answer the API from their caches. A
 * replica that loses the lease stops its controller and stands for election again.
 */
final class Leadership implements AutoCloseable {

  static final String LEASE = "cove-engine";
  private static final Logger LOG = Logger.getLogger(Leadership.class.getName());

  private final KubernetesClient client;
  private final String namespace;
  private final String identity;
  private final Runnable onLead;
  private final Runnable onLoss;
  private final Duration leaseDuration;
  private volatile boolean closed;
  private volatile CompletableFuture<?> election;

  Leadership(
      KubernetesClient client,
      String namespace,
      String identity,
      Duration leaseDuration,
      Runnable onLead,
      Runnable onLoss) {
    this.client = client;
    this.namespace = namespace;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
    this.onLead = onLead;
    this.onLoss = onLoss;
  }

  synchronized void start() {
    if (closed) {
      return;
    }
    LeaderElector elector =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(LEASE)
                    .withLock(new LeaseLock(namespace, LEASE, identity))
                    .withLeaseDuration(leaseDuration)
                    .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
                    .withRetryPeriod(leaseDuration.dividedBy(5))
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            this::led,
                            this::lost,
                            leader -> LOG.fine("The Kubernetes engine's leader is " + leader)))
                    .build())
            .build();
    election = elector.start();
    // an election that ended (lease lost, API errors) starts over, unless the engine stops
    election.whenComplete((ignored, error) -> start());
  }

  private void led() {
    LOG.info("This replica (" + identity + ") now runs the Kubernetes engine");
    onLead.run();
  }

  private void lost() {
    LOG.info("This replica (" + identity + ") no longer runs the Kubernetes engine");
    onLoss.run();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (election != null) {
      election.cancel(true);
    }
  }
}
