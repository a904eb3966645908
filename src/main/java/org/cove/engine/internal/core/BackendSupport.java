package org.cove.engine.internal.core;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cove.operator.Environments;
import org.cove.operator.spi.JobInputs;
import org.cove.shared.AuditTrail;
import org.cove.shared.DataDirectory;
import org.cove.shared.ProviderSigner;

/**
 * What the application lends either backend's CDI bean, looked up as late as the backend needs it:
 * the provider's inputs and the operator's environments at each use (the engine deploys without a
 * provider), the provider's address when the backend is built.
 */
@Dependent
public class BackendSupport {

  private final DataDirectory dataDirectory;
  private final Instance<JobInputs> inputs;
  private final Instance<Environments> environments;
  private final AuditTrail trail;
  private final ProviderSigner signer;
  private final Clock clock;

  @Inject
  BackendSupport(
      DataDirectory dataDirectory,
      Instance<JobInputs> inputs,
      Instance<Environments> environments,
      AuditTrail trail,
      ProviderSigner signer,
      Clock clock) {
    this.dataDirectory = dataDirectory;
    this.inputs = inputs;
    this.environments = environments;
    this.trail = trail;
    this.signer = signer;
    this.clock = clock;
  }

  /** For a backend being built; its job history's entries are this provider's engine's. */
  public BackendServices services() {
    return new BackendServices(
        dataDirectory.root(),
        new LazyInputs(inputs),
        new LazyEnvironments(environments),
        new JobHistory(trail, signer.address()),
        clock);
  }
}
