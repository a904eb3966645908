package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.BackendSupport;
import org.cove.engine.internal.core.BackendThreads;
import org.cove.engine.internal.core.DelegatingEngine;
import org.cove.engine.internal.core.EngineChoice;
import org.cove.operator.JobEnded;
import org.cove.operator.JobId;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.LogSafe;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code kubernetes} engine as a CDI bean: when first needed, reads its settings, connects with
 * the in-cluster service account (or the kubeconfig), and builds the {@link KubernetesBackend}.
 * When it is the chosen engine it starts the jobs' cache on every replica and stands for election;
 * the elected replica runs the controller. The container's executor and thread factory are
 * {@code @Resource} fields: CDI cannot inject resources into a constructor.
 */
@ApplicationScoped
@Typed(KubernetesEngine.class)
public class KubernetesEngine extends DelegatingEngine implements StageExchange {

  private static final Logger LOG = Logger.getLogger(KubernetesEngine.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;

  private BackendSupport support;
  private EngineChoice choice;
  private Config config;
  private Event<JobEnded> ended;
  private KubernetesClient client;
  private KubernetesBackend backend;

  /** For CDI's proxy. */
  protected KubernetesEngine() {}

  @Inject
  KubernetesEngine(
      BackendSupport support, EngineChoice choice, Config config, Event<JobEnded> ended) {
    this.support = support;
    this.choice = choice;
    this.config = config;
    this.ended = ended;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (choice == EngineChoice.KUBERNETES) {
      try {
        backend().runtime().startCache();
        backend().runtime().startElected(identity(), Duration.ofSeconds(15));
      } catch (RuntimeException e) {
        LogSafe.log(LOG, Level.SEVERE, "The Kubernetes engine could not start", e);
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (backend != null) {
      backend.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @Override
  protected KubernetesJobs core() {
    return backend().jobs();
  }

  private synchronized KubernetesBackend backend() {
    if (backend == null) {
      client =
          new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).build();
      KubernetesSettings configured = KubernetesSettings.from(config);
      String namespace =
          Optional.of(configured.namespace())
              .filter(n -> !n.isBlank())
              .or(() -> Optional.ofNullable(client.getNamespace()))
              .orElse("default");
      backend =
          KubernetesBackend.build(
              client,
              configured.inNamespace(namespace),
              support.services(),
              new BackendThreads(scheduler, threads),
              job -> fireEnded(ended, job));
    }
    return backend;
  }

  /** The pod's name where there is one (the Downward API's hostname), plus a random part. */
  private static String identity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "cove";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public Content datasets(JobId id, String token) {
    return backend().exchange().datasets(id, token);
  }

  @Override
  public Content algorithm(JobId id, String token) {
    return backend().exchange().algorithm(id, token);
  }

  @Override
  public void receiveOutputs(JobId id, String token, InputStream tar) throws IOException {
    backend().exchange().receiveOutputs(id, token, tar);
  }
}
