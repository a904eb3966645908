package org.cove.engine.internal.local;

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
import org.cove.engine.internal.core.BackendSupport;
import org.cove.engine.internal.core.BackendThreads;
import org.cove.engine.internal.core.DelegatingEngine;
import org.cove.engine.internal.core.EngineChoice;
import org.cove.operator.JobEnded;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code local} engine as a CDI bean: when first needed, reads its settings, takes the
 * container's scheduler and thread factory, and hands everything to {@link LocalJobs}. When it is
 * the chosen engine ({@link EngineChoice}) it takes up unfinished jobs as the application starts.
 * The container's executor and thread factory are {@code @Resource} fields: CDI cannot inject
 * resources into a constructor.
 */
@ApplicationScoped
@Typed(LocalEngine.class)
public class LocalEngine extends DelegatingEngine {

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;

  private BackendSupport support;
  private EngineChoice choice;
  private Config config;
  private Event<JobEnded> ended;
  private LocalJobs core;

  /** For CDI's proxy. */
  protected LocalEngine() {}

  @Inject
  LocalEngine(BackendSupport support, EngineChoice choice, Config config, Event<JobEnded> ended) {
    this.support = support;
    this.choice = choice;
    this.config = config;
    this.ended = ended;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (choice == EngineChoice.LOCAL) {
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
  protected synchronized LocalJobs core() {
    if (core == null) {
      core =
          new LocalJobs(
              support.services(),
              new BackendThreads(scheduler, threads),
              EngineSettings.from(config),
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
