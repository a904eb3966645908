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
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.DelegatingEngine;
import org.cove.engine.internal.EngineChoice;
import org.cove.engine.internal.LazyEnvironments;
import org.cove.engine.internal.LazyInputs;
import org.cove.operator.Environments;
import org.cove.operator.JobEnded;
import org.cove.operator.JobId;
import org.cove.operator.spi.JobInputs;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.AuditTrail;
import org.cove.shared.DataDirectory;
import org.cove.shared.ProviderSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code kubernetes} engine as a CDI bean: reads the settings, connects with the in-cluster
 * service account (or the kubeconfig), and hands everything to {@link KubernetesBackend}. When it
 * is the chosen engine it starts the jobs' cache on every replica and stands for election; the
 * elected replica runs the controller.
 */
@ApplicationScoped
@Typed(KubernetesEngine.class)
public class KubernetesEngine extends DelegatingEngine implements StageExchange {

  private static final Logger LOG = Logger.getLogger(KubernetesEngine.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;

  @Inject DataDirectory dataDirectory;
  @Inject Instance<JobInputs> inputs;
  @Inject Instance<Environments> environments;
  @Inject AuditTrail auditTrail;
  @Inject ProviderSigner signer;
  @Inject Clock clock;
  @Inject Event<JobEnded> ended;

  @Inject
  @ConfigProperty(name = "cove.engine")
  Optional<String> engine;

  @Inject
  @ConfigProperty(name = "cove.kubernetes.namespace")
  Optional<String> namespace;

  @Inject
  @ConfigProperty(
      name = "cove.kubernetes.provider.url",
      defaultValue = KubernetesSettings.DEFAULT_PROVIDER_URL)
  String providerUrl;

  @Inject
  @ConfigProperty(
      name = "cove.kubernetes.helper.image",
      defaultValue = KubernetesSettings.DEFAULT_HELPER_IMAGE)
  String helperImage;

  @Inject
  @ConfigProperty(name = "cove.kubernetes.stage.timeout.seconds", defaultValue = "600")
  long stageTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "cove.kubernetes.keep.objects", defaultValue = "false")
  boolean keepObjects;

  @Inject
  @ConfigProperty(name = "cove.kubernetes.storage.class")
  Optional<String> storageClass;

  @Inject
  @ConfigProperty(name = "cove.kubernetes.volume.size", defaultValue = "1Gi")
  String volumeSize;

  @Inject
  @ConfigProperty(name = "cove.kubernetes.workers", defaultValue = "4")
  int workers;

  private KubernetesClient client;
  private KubernetesBackend core;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (EngineChoice.current(engine) == EngineChoice.KUBERNETES) {
      try {
        core().startCache();
        core().startElected(identity(), Duration.ofSeconds(15));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "The Kubernetes engine could not start", e);
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (core != null) {
      core.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @Override
  protected synchronized KubernetesBackend core() {
    if (core == null) {
      client =
          new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).build();
      String ns =
          namespace
              .filter(n -> !n.isBlank())
              .or(() -> Optional.ofNullable(client.getNamespace()))
              .orElse("default");
      KubernetesSettings settings =
          new KubernetesSettings(
              ns,
              providerUrl,
              helperImage,
              Duration.ofSeconds(stageTimeoutSeconds),
              keepObjects,
              storageClass.orElse(""),
              volumeSize,
              Duration.ofMinutes(5),
              Math.max(1, workers));
      core =
          new KubernetesBackend(
              client,
              settings,
              new LazyInputs(inputs),
              auditTrail,
              signer.address(),
              clock,
              new LazyEnvironments(environments),
              dataDirectory.root(),
              scheduler,
              threads,
              job -> fireEnded(ended, job));
    }
    return core;
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
    return core().datasets(id, token);
  }

  @Override
  public Content algorithm(JobId id, String token) {
    return core().algorithm(id, token);
  }

  @Override
  public void receiveOutputs(JobId id, String token, InputStream tar) throws IOException {
    core().receiveOutputs(id, token, tar);
  }
}
