package org.cove.provider.internal.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Environments;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.Asset;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.Compute;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.PaymentQuote;
import org.cove.provider.Permissions;
import org.cove.provider.internal.compute.ComputeAdmission.Admitted;
import org.cove.provider.internal.payments.ChainPayments;
import org.cove.provider.internal.payments.Due;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.Page;

/**
 * The provider's compute path: a quote and a start both admit the request with {@link
 * ComputeAdmission}, then ask the registry whether the engine would take the job; a quote then
 * prices each due, a start has each one paid before the job is registered.
 */
@ApplicationScoped
class ProviderCompute implements Compute {

  private Catalogue catalogue;
  private Environments environments;
  private JobRegistry registry;
  private OutputPublisher outputs;
  private ChainPayments payments;
  private Clock clock;

  @Inject
  ProviderCompute(
      Catalogue catalogue,
      Environments environments,
      JobRegistry registry,
      OutputPublisher outputs,
      ChainPayments payments,
      Clock clock) {
    this.catalogue = catalogue;
    this.environments = environments;
    this.registry = registry;
    this.outputs = outputs;
    this.payments = payments;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected ProviderCompute() {}

  @Override
  public ComputeQuote initialize(ComputeRequest request) {
    Admitted admitted = admit(request);
    registry.checkAdmission(admitted.spec(), admitted.environment().maxJobs(request.free()));
    List<PaymentQuote> quotes = new ArrayList<>();
    for (Due due : admitted.dues()) {
      quotes.add(payments.quote(request.consumer(), due));
    }
    ComputeQuote q = admitted.quote();
    return new ComputeQuote(
        q.environment(),
        q.resources(),
        q.maxJobDuration(),
        q.cost(),
        q.token(),
        q.chainId(),
        quotes.stream()
            .map(PaymentQuote::validUntil)
            .min(Instant::compareTo)
            .orElse(q.validUntil()),
        q.allowNetwork(),
        quotes);
  }

  /**
   * Checks the request, then each payment against the chain (outside any database transaction),
   * then records the payments and the submission in one transaction before the engine gets the job:
   * a job never runs unpaid, and a payment is never used twice.
   */
  @Override
  public Job start(ComputeRequest request) {
    Admitted admitted = admit(request);
    List<ChainPayments.Verified> paid = payments.verify(request.consumer(), admitted.dues());
    int maxJobs = admitted.environment().maxJobs(request.free());
    return paid.isEmpty()
        ? registry.register(admitted.spec(), maxJobs)
        : registry.register(
            admitted.spec(), maxJobs, id -> payments.record(paid, "job:" + id.value()));
  }

  private Admitted admit(ComputeRequest request) {
    return ComputeAdmission.admit(request, lookups(), payments.chainId(), clock.instant());
  }

  /** What admission reads: the catalogue, the operator's environments, the fees' payee. */
  private ComputeAdmission.Lookups lookups() {
    return new ComputeAdmission.Lookups() {
      @Override
      public Map<Did, Asset> assets(Collection<Did> dids) {
        return catalogue.getAll(dids);
      }

      @Override
      public ComputeEnvironment environment(String id) {
        return environments.require(id);
      }

      @Override
      public Address feePayee() {
        return payments.feeAddress();
      }
    };
  }

  @Override
  public List<Asset> runnableAlgorithms(Principal consumer, Did did, String serviceId) {
    Asset dataset = catalogue.get(did);
    List<Asset> runnable = new ArrayList<>();
    for (int page = 0; page < 20; page++) {
      Page<Asset> algorithms =
          catalogue.search(
              new CatalogueQuery(
                  Optional.empty(),
                  Optional.of(AssetType.ALGORITHM),
                  Optional.empty(),
                  Optional.empty(),
                  false,
                  page,
                  CatalogueQuery.MAX_SIZE));
      for (Asset algorithm : algorithms.items()) {
        AlgorithmChoice choice = new AlgorithmChoice.Published(algorithm, true);
        if (Permissions.mayRun(dataset, serviceId, choice, consumer.address()).allowed()) {
          runnable.add(algorithm);
        }
      }
      if ((long) (page + 1) * CatalogueQuery.MAX_SIZE >= algorithms.total()) {
        break;
      }
    }
    return runnable;
  }

  @Override
  public Asset publishOutput(Principal owner, JobId job, String title) {
    return outputs.publish(owner, job, title);
  }
}
