package org.cove.provider.internal.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.ComputeRefusal;
import org.cove.operator.Environments;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobSpec;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.Asset;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.Compute;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.Decision;
import org.cove.provider.PaymentQuote;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.internal.payments.ChainPayments;
import org.cove.provider.internal.payments.Due;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;
import org.cove.shared.Page;

/**
 * The provider's compute path: every check a start needs, in one place, used by both
 * initializeCompute and the starts, so a quote never promises what a start would refuse.
 */
@ApplicationScoped
class ProviderCompute implements Compute {

  static final int MAX_DATASETS = 10;
  static final int MAX_VIEWERS = 20;
  static final int MAX_RAW_CODE = 1 << 20;
  static final Duration QUOTE_VALIDITY = Duration.ofMinutes(10);

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

  /**
   * A request that passed every check: what the job will be, where, what it costs, and the priced
   * items that must be paid (each with the transaction the request names for it, if any).
   */
  record Checked(
      JobSpec spec, ComputeEnvironment environment, ComputeQuote quote, List<Due> dues) {}

  @Override
  public ComputeQuote initialize(ComputeRequest request) {
    Checked checked = check(request);
    registry.checkAdmission(checked.spec(), checked.environment().maxJobs(request.free()));
    List<PaymentQuote> quotes = new ArrayList<>();
    for (Due due : checked.dues()) {
      quotes.add(payments.quote(request.consumer(), due));
    }
    ComputeQuote q = checked.quote();
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
    Checked checked = check(request);
    List<ChainPayments.Verified> paid = payments.verify(request.consumer(), checked.dues());
    int maxJobs = checked.environment().maxJobs(request.free());
    return paid.isEmpty()
        ? registry.register(checked.spec(), maxJobs)
        : registry.register(
            checked.spec(), maxJobs, id -> payments.record(paid, "job:" + id.value()));
  }

  Checked check(ComputeRequest request) {
    if (request.datasets().isEmpty() || request.datasets().size() > MAX_DATASETS) {
      throw new InvalidInputException("a job runs on 1 to " + MAX_DATASETS + " datasets");
    }
    if (request.additionalViewers().size() > MAX_VIEWERS) {
      throw new InvalidInputException("at most " + MAX_VIEWERS + " additional viewers");
    }
    Map<Did, Asset> assets = catalogue.getAll(didsOf(request));
    AlgorithmChoice choice = algorithm(request, assets);
    List<JobSpec.Input> inputs = new ArrayList<>();
    List<Due> dues = new ArrayList<>();
    due(choice, request).ifPresent(dues::add);
    boolean networkAllowed = true;
    for (int i = 0; i < request.datasets().size(); i++) {
      ComputeRequest.DatasetRef ref = request.datasets().get(i);
      Asset dataset = existing(assets, ref.did());
      if (dataset.isAlgorithm()) {
        throw ProviderException.refused(Reason.NOT_A_COMPUTE_SERVICE);
      }
      Service service =
          dataset
              .service(ref.serviceId())
              .orElseThrow(() -> ProviderException.refused(Reason.SERVICE_NOT_FOUND));
      if (i == 0 || service.type() == ServiceType.COMPUTE) {
        refuseUnless(Permissions.mayRun(dataset, ref.serviceId(), choice, request.consumer()));
        networkAllowed &= service.compute().map(ComputeOptions::allowNetworkAccess).orElse(false);
      } else {
        Permissions.usable(dataset, request.consumer())
            .ifPresent(
                reason -> {
                  throw ProviderException.refused(reason);
                });
      }
      Due.of(service, dataset, request.consumer(), ref.transferTxId(), payments.chainId())
          .ifPresent(dues::add);
      inputs.add(new JobSpec.Input(dataset.did(), ref.serviceId(), dataset.publisher()));
    }
    ComputeEnvironment environment = environments.require(request.environment());
    if (request.free() && environment.free().isEmpty() && !environment.costsNothing()) {
      throw ComputeRefusal.of("no_free_tier", "environment " + environment.id() + " is not free");
    }
    List<JobSpec.ResourceAmount> resources =
        environment.resolve(request.resources(), request.free());
    long duration = duration(request, environment);
    JobSpec.Algorithm algorithm = jobAlgorithm(request, choice);
    JsonObject parameters =
        ConsumerParameterCheck.check(parametersOf(choice), request.algoCustomData());
    boolean allowNetwork = networkAllowed && environment.enableNetwork();
    JobSpec spec =
        new JobSpec(
            request.consumer(),
            inputs,
            algorithm,
            environment.id(),
            resources,
            Duration.ofSeconds(duration),
            parameters,
            request.additionalViewers(),
            allowNetwork,
            request.publishOutput());
    BigDecimal cost = request.free() ? BigDecimal.ZERO : cost(environment, resources, duration);
    Optional<String> feeToken = environment.fees().flatMap(ComputeEnvironment.Fees::token);
    long feeChain =
        environment.fees().map(ComputeEnvironment.Fees::chainId).orElse(payments.chainId());
    if (cost.signum() > 0) {
      dues.add(
          new Due(
              PaymentQuote.environmentItem(environment.id()),
              Optional.empty(),
              payments.feeAddress(),
              feeToken.map(t -> t.toLowerCase(java.util.Locale.ROOT)),
              feeChain,
              cost,
              request.environmentTxId()));
    }
    ComputeQuote quote =
        new ComputeQuote(
            environment,
            resources,
            duration,
            cost,
            feeToken,
            feeChain,
            clock.instant().plus(QUOTE_VALIDITY),
            allowNetwork,
            List.of());
    return new Checked(spec, environment, quote, dues);
  }

  /** The published algorithm's price, unless it is free or the consumer publishes it. */
  private Optional<Due> due(AlgorithmChoice choice, ComputeRequest request) {
    if (choice instanceof AlgorithmChoice.Published published) {
      Asset algorithm = published.algorithm();
      String serviceId = request.algorithm().serviceId().orElse(algorithm.services().get(0).id());
      return algorithm
          .service(serviceId)
          .flatMap(
              s ->
                  Due.of(
                      s,
                      algorithm,
                      request.consumer(),
                      request.algorithm().transferTxId(),
                      payments.chainId()));
    }
    return Optional.empty();
  }

  /** The published algorithm's DID, if any, and every dataset's: all that a start reads. */
  private static List<Did> didsOf(ComputeRequest request) {
    List<Did> dids = new ArrayList<>();
    request.algorithm().did().ifPresent(dids::add);
    request.datasets().forEach(ref -> dids.add(ref.did()));
    return dids;
  }

  private static Asset existing(Map<Did, Asset> assets, Did did) {
    Asset asset = assets.get(did);
    if (asset == null) {
      throw Catalogue.noSuchAsset(did);
    }
    return asset;
  }

  private AlgorithmChoice algorithm(ComputeRequest request, Map<Did, Asset> assets) {
    ComputeRequest.AlgorithmRef ref = request.algorithm();
    if (ref.did().isPresent()) {
      Asset algorithm = existing(assets, ref.did().get());
      if (!algorithm.isAlgorithm() || algorithm.metadata().algorithm().isEmpty()) {
        throw ProviderException.refused(Reason.NOT_ALGO);
      }
      Service service =
          ref.serviceId()
              .map(
                  id ->
                      algorithm
                          .service(id)
                          .orElseThrow(() -> ProviderException.refused(Reason.SERVICE_NOT_FOUND)))
              .orElse(algorithm.services().get(0));
      return new AlgorithmChoice.Published(algorithm, true);
    }
    ComputeRequest.RawAlgorithm raw =
        ref.raw().orElseThrow(() -> new InvalidInputException("algorithm: a documentId or meta"));
    if (raw.code().isBlank() || raw.code().length() > MAX_RAW_CODE) {
      throw new InvalidInputException("algorithm.meta.rawcode: 1 byte to 1 MiB of code");
    }
    return new AlgorithmChoice.Raw(raw.container());
  }

  private JobSpec.Algorithm jobAlgorithm(ComputeRequest request, AlgorithmChoice choice) {
    if (choice instanceof AlgorithmChoice.Published published) {
      Asset algorithm = published.algorithm();
      Container c = algorithm.metadata().algorithm().orElseThrow().container();
      return new JobSpec.Algorithm(
          Optional.of(algorithm.did()),
          Optional.of(request.algorithm().serviceId().orElse(algorithm.services().get(0).id())),
          Optional.of(algorithm.publisher()),
          new JobSpec.Container(c.image(), c.tag(), c.checksum(), c.entrypoint()),
          Optional.empty());
    }
    ComputeRequest.RawAlgorithm raw = request.algorithm().raw().orElseThrow();
    Container c = raw.container();
    return new JobSpec.Algorithm(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new JobSpec.Container(c.image(), c.tag(), c.checksum(), c.entrypoint()),
        Optional.of(raw.code()));
  }

  private static List<ConsumerParameter> parametersOf(AlgorithmChoice choice) {
    if (choice instanceof AlgorithmChoice.Published published) {
      return published.algorithm().metadata().algorithm().orElseThrow().consumerParameters();
    }
    return List.of();
  }

  private static long duration(ComputeRequest request, ComputeEnvironment environment) {
    long max = environment.maxDuration(request.free());
    long min = environment.minDuration(request.free());
    long asked = request.maxJobDuration().orElse(max);
    if (asked < min || asked > max) {
      throw ComputeRefusal.of(
          "invalid_duration",
          "maxJobDuration must be between " + min + " and " + max + " seconds here");
    }
    return asked;
  }

  /** Σ price per minute × amount × whole minutes, exact. */
  static BigDecimal cost(
      ComputeEnvironment environment, List<JobSpec.ResourceAmount> resources, long seconds) {
    long minutes = Math.max(1, (seconds + 59) / 60);
    BigDecimal total = BigDecimal.ZERO;
    for (JobSpec.ResourceAmount r : resources) {
      BigDecimal price =
          environment
              .fees()
              .map(f -> f.prices().getOrDefault(r.id(), BigDecimal.ZERO))
              .orElse(BigDecimal.ZERO);
      total =
          total.add(
              price.multiply(BigDecimal.valueOf(r.amount())).multiply(BigDecimal.valueOf(minutes)));
    }
    return total.stripTrailingZeros();
  }

  private static void refuseUnless(Decision decision) {
    if (!decision.allowed()) {
      throw ProviderException.refused(decision.refusal().orElseThrow());
    }
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
