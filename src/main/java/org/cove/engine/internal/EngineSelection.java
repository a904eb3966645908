package org.cove.engine.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Optional;
import org.cove.engine.internal.kubernetes.KubernetesEngine;
import org.cove.operator.JobId;
import org.cove.operator.spi.ComputeEngine;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the operator the one configured backend as its {@link ComputeEngine} (see {@link
 * EngineChoice}); the backends themselves are beans of their own class only, so there is never an
 * ambiguity. Only the {@code kubernetes} backend has stage pods that exchange files with Cove; with
 * the local one the exchange knows no job.
 */
@ApplicationScoped
public class EngineSelection {

  @Inject
  @ConfigProperty(name = "cove.engine")
  Optional<String> configured;

  @Inject Instance<LocalEngine> local;
  @Inject Instance<KubernetesEngine> kubernetes;

  @Produces
  @ApplicationScoped
  ComputeEngine engine() {
    return choice() == EngineChoice.KUBERNETES ? kubernetes.get() : local.get();
  }

  @Produces
  @ApplicationScoped
  StageExchange exchange() {
    return choice() == EngineChoice.KUBERNETES ? kubernetes.get() : new NoStages();
  }

  private EngineChoice choice() {
    return EngineChoice.current(configured);
  }

  /** The local engine's stages run in-process: no pod ever calls. */
  private static final class NoStages implements StageExchange {
    @Override
    public Content datasets(JobId id, String token) {
      throw new NotFoundException("no such job");
    }

    @Override
    public Content algorithm(JobId id, String token) {
      throw new NotFoundException("no such job");
    }

    @Override
    public void receiveOutputs(JobId id, String token, InputStream tar) {
      throw new NotFoundException("no such job");
    }
  }
}
