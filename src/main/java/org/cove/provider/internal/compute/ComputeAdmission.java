package org.cove.provider.internal.compute;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.ComputeRefusal;
import org.cove.operator.JobSpec;
import org.cove.provider.AlgorithmChoice;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.PaymentQuote;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.internal.payments.Due;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;

/**
 * Whether a compute request may run, and as what: every check that initializeCompute and a start
 * make, in one place, so a quote never promises what a start would refuse. The checks run in the
 * order a consumer meets them, and that order is behaviour (the first refusal is the answer): the
 * request's shape, its algorithm, each dataset's service and permission rules, then the
 * environment's free tier, resources and duration limits, and the consumer parameters. Pure: what
 * it reads comes through {@link Lookups}, asked for in that order and only when needed, so every
 * refusal is unit-tested without a database. The engine's own admission (health, image, capacity)
 * is the registry's, after this.
 */
final class ComputeAdmission {

  static final int MAX_DATASETS = 10;
  static final int MAX_VIEWERS = 20;
  static final Duration QUOTE_VALIDITY = Duration.ofMinutes(10);

  /** What an admission reads, in the order it reads it. */
  interface Lookups {

    /** Those of the assets that exist; a DID with no asset is absent from the map. */
    Map<Did, Asset> assets(Collection<Did> dids);

    /** The environment, or a refusal naming {@code environment_not_found}. */
    ComputeEnvironment environment(String id);

    /** Who an environment's fees are paid to; asked only when the job costs something. */
    Address feePayee();
  }

  /**
   * A request that passed every check: what the job will be, where, what it costs, and the priced
   * items that must be paid (each with the transaction the request names for it, if any): the
   * algorithm's, each dataset's, then the environment's fee.
   */
  record Admitted(
      JobSpec spec, ComputeEnvironment environment, ComputeQuote quote, List<Due> dues) {}

  /** What the datasets add to the job: its inputs, their prices, whether they allow the network. */
  private record Datasets(List<JobSpec.Input> inputs, List<Due> dues, boolean allowNetwork) {}

  private ComputeAdmission() {}

  /**
   * Admits the request or throws the first refusal: {@link InvalidInputException}, a permission
   * refusal ({@link ProviderException#refused}), a {@link ComputeRefusal}, or not-found for an
   * asset that does not exist.
   *
   * @param chainId the chain of prices that name none, and of the fees of an environment that has
   *     none
   * @param now when the quote's validity begins
   */
  static Admitted admit(ComputeRequest request, Lookups lookups, long chainId, Instant now) {
    checkShape(request);
    Map<Did, Asset> assets = lookups.assets(didsOf(request));
    AlgorithmChoice choice = AlgorithmAdmission.choice(request.algorithm(), assets);
    List<Due> dues = new ArrayList<>();
    AlgorithmAdmission.due(choice, request, chainId).ifPresent(dues::add);
    Datasets datasets = datasets(request, assets, choice, chainId);
    dues.addAll(datasets.dues());
    ComputeEnvironment environment = lookups.environment(request.environment());
    checkFreeTier(request, environment);
    List<JobSpec.ResourceAmount> resources =
        environment.resolve(request.resources(), request.free());
    long duration = duration(request, environment);
    JobSpec.Algorithm algorithm = AlgorithmAdmission.jobAlgorithm(request.algorithm(), choice);
    JsonObject parameters =
        ConsumerParameterCheck.check(
            AlgorithmAdmission.parametersOf(choice), request.algoCustomData());
    boolean allowNetwork = datasets.allowNetwork() && environment.enableNetwork();
    JobSpec spec =
        new JobSpec(
            request.consumer(),
            datasets.inputs(),
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
    long feeChain = environment.fees().map(ComputeEnvironment.Fees::chainId).orElse(chainId);
    if (cost.signum() > 0) {
      dues.add(
          new Due(
              PaymentQuote.environmentItem(environment.id()),
              Optional.empty(),
              lookups.feePayee(),
              feeToken.map(t -> t.toLowerCase(Locale.ROOT)),
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
            now.plus(QUOTE_VALIDITY),
            allowNetwork,
            List.of());
    return new Admitted(spec, environment, quote, dues);
  }

  /** Bounds checked before anything is read. */
  private static void checkShape(ComputeRequest request) {
    if (request.datasets().isEmpty() || request.datasets().size() > MAX_DATASETS) {
      throw new InvalidInputException("a job runs on 1 to " + MAX_DATASETS + " datasets");
    }
    if (request.additionalViewers().size() > MAX_VIEWERS) {
      throw new InvalidInputException("at most " + MAX_VIEWERS + " additional viewers");
    }
  }

  /** The published algorithm's DID, if any, and every dataset's: all that a start reads. */
  private static List<Did> didsOf(ComputeRequest request) {
    List<Did> dids = new ArrayList<>();
    request.algorithm().did().ifPresent(dids::add);
    request.datasets().forEach(ref -> dids.add(ref.did()));
    return dids;
  }

  /**
   * Each dataset in the request's order: it must exist, not be an algorithm, and have the service.
   * The first dataset, and any other named by a compute service, must let the algorithm run;
   * another dataset's access service need only be usable by the consumer.
   */
  private static Datasets datasets(
      ComputeRequest request, Map<Did, Asset> assets, AlgorithmChoice choice, long chainId) {
    List<JobSpec.Input> inputs = new ArrayList<>();
    List<Due> dues = new ArrayList<>();
    boolean networkAllowed = true;
    for (int i = 0; i < request.datasets().size(); i++) {
      ComputeRequest.DatasetRef ref = request.datasets().get(i);
      Asset dataset = existing(assets, ref.did());
      datasetRefusal(dataset, ref.serviceId(), i == 0, choice, request.consumer())
          .ifPresent(
              reason -> {
                throw ProviderException.refused(reason);
              });
      Service service = dataset.service(ref.serviceId()).orElseThrow();
      if (runsOn(service, i == 0)) {
        networkAllowed &= service.compute().map(ComputeOptions::allowNetworkAccess).orElse(false);
      }
      Due.of(service, dataset, request.consumer(), ref.transferTxId(), chainId)
          .ifPresent(dues::add);
      inputs.add(new JobSpec.Input(dataset.did(), ref.serviceId(), dataset.publisher()));
    }
    return new Datasets(inputs, dues, networkAllowed);
  }

  /**
   * Why the dataset's service may not be part of the job, if it may not: it must not be an
   * algorithm and must have the service; the first dataset, and any other named by a compute
   * service, must let the algorithm run; another's access service need only be usable by the
   * consumer. {@link Readmission} asks the same of a registered job.
   */
  static Optional<Reason> datasetRefusal(
      Asset dataset, String serviceId, boolean first, AlgorithmChoice choice, Address consumer) {
    if (dataset.isAlgorithm()) {
      return Optional.of(Reason.NOT_A_COMPUTE_SERVICE);
    }
    Optional<Service> service = dataset.service(serviceId);
    if (service.isEmpty()) {
      return Optional.of(Reason.SERVICE_NOT_FOUND);
    }
    if (runsOn(service.get(), first)) {
      return Permissions.mayRun(dataset, serviceId, choice, consumer).refusal();
    }
    return Permissions.usable(dataset, consumer);
  }

  /** Whether the algorithm runs on this service (rather than only reading its files). */
  private static boolean runsOn(Service service, boolean first) {
    return first || service.type() == ServiceType.COMPUTE;
  }

  static Asset existing(Map<Did, Asset> assets, Did did) {
    Asset asset = assets.get(did);
    if (asset == null) {
      throw Catalogue.noSuchAsset(did);
    }
    return asset;
  }

  /** A free start needs a free tier, unless the environment costs nothing anyway. */
  private static void checkFreeTier(ComputeRequest request, ComputeEnvironment environment) {
    if (request.free() && environment.free().isEmpty() && !environment.costsNothing()) {
      throw ComputeRefusal.of("no_free_tier", "environment " + environment.id() + " is not free");
    }
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
}
