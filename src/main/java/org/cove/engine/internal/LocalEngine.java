package org.cove.engine.internal;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cove.operator.Environments;
import org.cove.operator.JobEnded;
import org.cove.operator.spi.JobInputs;
import org.cove.shared.Address;
import org.cove.shared.AuditTrail;
import org.cove.shared.DataDirectory;
import org.cove.shared.ProviderSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code local} engine as a CDI bean: reads the settings, takes the container's scheduler and
 * thread factory, and hands everything to {@link JobEngine}. When it is the chosen engine ({@link
 * EngineChoice}) it takes up unfinished jobs as the application starts; {@link EngineSelection}
 * hands it to the operator. The provider's {@link JobInputs} and the operator's {@link
 * Environments} are looked up when first needed, not at deployment.
 */
@ApplicationScoped
@Typed(LocalEngine.class)
public class LocalEngine extends DelegatingEngine {

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
  @ConfigProperty(name = "cove.local.sandbox", defaultValue = "bubblewrap")
  String sandbox;

  @Inject
  @ConfigProperty(name = "cove.local.sandbox.uid", defaultValue = "65534")
  int sandboxUid;

  @Inject
  @ConfigProperty(name = "cove.local.max.processes", defaultValue = "256")
  int maxProcesses;

  @Inject
  @ConfigProperty(name = "cove.local.stage.timeout.seconds", defaultValue = "600")
  long stageTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "cove.local.log.max.bytes", defaultValue = "10485760")
  long logMaxBytes;

  @Inject
  @ConfigProperty(name = "cove.local.runtimes", defaultValue = EngineSettings.DEFAULT_RUNTIMES)
  String runtimes;

  private JobEngine core;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (EngineChoice.current(engine) == EngineChoice.LOCAL) {
      core().start();
    }
  }

  @PreDestroy
  void stop() {
    synchronized (this) {
      if (core != null) {
        core.close();
      }
    }
  }

  @Override
  protected synchronized JobEngine core() {
    if (core == null) {
      EngineSettings settings =
          new EngineSettings(
              SandboxMode.parse(sandbox),
              sandboxUid,
              maxProcesses,
              Duration.ofSeconds(stageTimeoutSeconds),
              logMaxBytes,
              RuntimeMap.parse(runtimes));
      Address actor = signer.address();
      core =
          new JobEngine(
              dataDirectory.root(),
              new LazyInputs(inputs),
              auditTrail,
              actor,
              clock,
              new LazyEnvironments(environments),
              settings,
              scheduler,
              threads,
              Tools.host());
      core.onEnded(job -> fireEnded(ended, job));
    }
    return core;
  }

  @Override
  public String name() {
    return "local";
  }
}
