package org.cove.engine.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Optional;
import org.cove.engine.internal.core.EngineChoice;
import org.cove.engine.internal.kubernetes.KubernetesEngine;
import org.cove.engine.internal.local.LocalEngine;
import org.cove.operator.JobId;
import org.cove.operator.spi.ComputeEngine;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the operator the one configured backend as its {@link ComputeEngine}, and the backends the
 * {@link EngineChoice} itself; the backends are beans of their own class only, so there is never an
 * ambiguity. Only the {@code kubernetes} backend has stage pods that exchange files with Cove; with
 * the local one the exchange knows no job. It is the one class that knows both backends, and it
 * sits above them, outside the core: the backends and the core know only the core, so choosing
 * makes no cycle, and a plain class says which backend is chosen where qualifiers would hide it.
 */
@ApplicationScoped
public class EngineSelection {

  private Optional<String> configured;
  private Instance<LocalEngine> local;
  private Instance<KubernetesEngine> kubernetes;

  /** For CDI's proxy. */
  protected EngineSelection() {}

  @Inject
  EngineSelection(
      @ConfigProperty(name = "cove.engine") Optional<String> configured,
      Instance<LocalEngine> local,
      Instance<KubernetesEngine> kubernetes) {
    this.configured = configured;
    this.local = local;
    this.kubernetes = kubernetes;
  }

  /** The configured backend, for the backends themselves: each starts only when it is chosen. */
  @Produces
  EngineChoice choice() {
    return EngineChoice.current(configured);
  }

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
