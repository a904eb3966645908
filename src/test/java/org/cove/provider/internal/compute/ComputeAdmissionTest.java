package org.cove.provider.internal.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cove.provider.Assets.ACCESS;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.CONSUMER;
import static org.cove.provider.Assets.CONTAINER;
import static org.cove.provider.Assets.DATASET_PUBLISHER;
import static org.cove.provider.Assets.accessService;
import static org.cove.provider.Assets.algorithm;
import static org.cove.provider.Assets.computeOptions;
import static org.cove.provider.Assets.dataset;
import static org.cove.provider.Assets.did;
import static org.cove.provider.Assets.pinnedTo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.ComputeRefusal;
import org.cove.operator.Environments;
import org.cove.operator.JobSpec;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.Asset;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ComputeRequest.AlgorithmRef;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.ComputeRequest.RawAlgorithm;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Price;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.internal.compute.ComputeAdmission.Admitted;
import org.cove.provider.internal.payments.Due;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;
import org.cove.shared.NotFoundException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of {@link ComputeAdmission}, and that the first one met is the answer: the
 * request's shape, then its algorithm, then each dataset in order, then the environment, its free
 * tier, resources and durations, then the consumer parameters. Unless a test says otherwise, {@link
 * org.cove.provider.Assets#CONSUMER} runs {@link #ALGORITHM}, which {@link #DATASET} trusts, on the
 * dataset's compute service in {@link #ENVIRONMENT}, which is free.
 */
class ComputeAdmissionTest {

  static final long CHAIN = 8996;
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final Address FEE_PAYEE = Address.parse("0x" + "fee5".repeat(10));
  static final String TOKEN = "0x" + "ABCD".repeat(10);

  static final Asset ALGORITHM = algorithm().build();
  static final Asset DATASET = dataset().withCompute(trusting(ALGORITHM)).build();

  static final ComputeEnvironment.Resource CPU =
      new ComputeEnvironment.Resource("cpu", "cores", 8, 1, 4);
  static final ComputeEnvironment ENVIRONMENT = environment(Optional.empty(), Optional.empty());

  static ComputeOptions trusting(Asset algorithm) {
    return computeOptions().withTrustedAlgorithms(pinnedTo(algorithm)).build();
  }

  static ComputeEnvironment environment(
      Optional<ComputeEnvironment.Fees> fees, Optional<ComputeEnvironment.FreeTier> free) {
    return new ComputeEnvironment(
        "env", "test", "x86_64", "linux", List.of(CPU), 60, 3600, 2, 86400, true, fees, free);
  }

  static ComputeEnvironment.Fees cpuPerMinute(String price) {
    return new ComputeEnvironment.Fees(
        CHAIN + 1, Optional.of(TOKEN), Map.of("cpu", new BigDecimal(price)));
  }

  static Price price(String amount) {
    return new Price(new BigDecimal(amount), Optional.empty(), Optional.empty());
  }

  static Request request() {
    return new Request(
        List.of(new DatasetRef(DATASET.did(), COMPUTE)),
        AlgorithmRef.published(ALGORITHM.did()),
        "env",
        List.of(),
        Optional.empty(),
        JsonValue.EMPTY_JSON_OBJECT,
        Set.of(),
        false);
  }

  static RawAlgorithm raw(String code) {
    return new RawAlgorithm(CONTAINER, code);
  }

  /** A compute request, built only when admitted; every {@code with} returns a new one. */
  record Request(
      List<DatasetRef> datasets,
      AlgorithmRef algorithm,
      String environment,
      List<JobSpec.ResourceAmount> resources,
      Optional<Long> maxJobDuration,
      JsonObject parameters,
      Set<Address> viewers,
      boolean free) {

    ComputeRequest build() {
      return new ComputeRequest(
          CONSUMER,
          datasets,
          algorithm,
          environment,
          resources,
          maxJobDuration,
          parameters,
          viewers,
          free,
          false,
          Optional.of("0xenvironment"));
    }

    Request withDatasets(DatasetRef... refs) {
      return new Request(
          List.of(refs),
          algorithm,
          environment,
          resources,
          maxJobDuration,
          parameters,
          viewers,
          free);
    }

    Request withAlgorithm(AlgorithmRef algorithm) {
      return new Request(
          datasets, algorithm, environment, resources, maxJobDuration, parameters, viewers, free);
    }

    Request withRaw(RawAlgorithm raw) {
      return withAlgorithm(new AlgorithmRef(Optional.empty(), Optional.empty(), Optional.of(raw)));
    }

    Request withEnvironment(String environment) {
      return new Request(
          datasets, algorithm, environment, resources, maxJobDuration, parameters, viewers, free);
    }

    Request withCpu(double cores) {
      return withResource("cpu", cores);
    }

    Request withResource(String id, double amount) {
      return new Request(
          datasets,
          algorithm,
          environment,
          List.of(new JobSpec.ResourceAmount(id, amount)),
          maxJobDuration,
          parameters,
          viewers,
          free);
    }

    Request withDuration(long seconds) {
      return new Request(
          datasets,
          algorithm,
          environment,
          resources,
          Optional.of(seconds),
          parameters,
          viewers,
          free);
    }

    Request withParameters(JsonObject parameters) {
      return new Request(
          datasets, algorithm, environment, resources, maxJobDuration, parameters, viewers, free);
    }

    Request withViewers(int count) {
      Set<Address> viewers = new java.util.HashSet<>();
      IntStream.range(0, count)
          .forEach(i -> viewers.add(Address.parse(String.format("0x%040x", i + 1))));
      return new Request(
          datasets, algorithm, environment, resources, maxJobDuration, parameters, viewers, free);
    }

    Request asFree() {
      return new Request(
          datasets, algorithm, environment, resources, maxJobDuration, parameters, viewers, true);
    }
  }

  /** Assets and environments in memory; remembers what was read, in order. */
  static final class Reads implements ComputeAdmission.Lookups {
    final Map<Did, Asset> assets = new HashMap<>();
    final Map<String, ComputeEnvironment> environments = new HashMap<>();
    final List<String> log = new ArrayList<>();

    Reads(Asset... assets) {
      for (Asset asset : assets) {
        this.assets.put(asset.did(), asset);
      }
      environments.put(ENVIRONMENT.id(), ENVIRONMENT);
    }

    Reads with(ComputeEnvironment environment) {
      environments.put(environment.id(), environment);
      return this;
    }

    @Override
    public Map<Did, Asset> assets(Collection<Did> dids) {
      log.add("assets");
      Map<Did, Asset> found = new HashMap<>();
      dids.stream().filter(assets::containsKey).forEach(d -> found.put(d, assets.get(d)));
      return found;
    }

    @Override
    public ComputeEnvironment environment(String id) {
      log.add("environment");
      return new InMemoryEnvironments(environments).require(id);
    }

    @Override
    public Address feePayee() {
      log.add("fee payee");
      return FEE_PAYEE;
    }
  }

  /** The operator's lookup rule (its default {@code require}) over a map. */
  record InMemoryEnvironments(Map<String, ComputeEnvironment> byId) implements Environments {
    @Override
    public List<ComputeEnvironment> list() {
      return List.copyOf(byId.values());
    }

    @Override
    public Optional<ComputeEnvironment> find(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public ComputeEnvironment save(ComputeEnvironment environment, Address admin) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String id, Address admin) {
      throw new UnsupportedOperationException();
    }
  }

  static Admitted admit(Request request, Reads reads) {
    return ComputeAdmission.admit(request.build(), reads, CHAIN, NOW);
  }

  static Admitted admit(Request request) {
    return admit(request, new Reads(ALGORITHM, DATASET));
  }

  static AbstractThrowableAssert<?, ? extends Throwable> refusal(Request request, Reads reads) {
    return assertThatThrownBy(() -> admit(request, reads));
  }

  static AbstractThrowableAssert<?, ? extends Throwable> refusal(Request request) {
    return refusal(request, new Reads(ALGORITHM, DATASET));
  }

  static void refusedFor(Request request, Reads reads, Reason reason) {
    refusal(request, reads)
        .isInstanceOfSatisfying(
            ProviderException.Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static void refusedFor(Request request, Reads reads, String computeRefusal) {
    refusal(request, reads)
        .isInstanceOfSatisfying(
            ComputeRefusal.class, e -> assertThat(e.reason()).isEqualTo(computeRefusal));
  }

  static void refusedFor(Request request, String computeRefusal) {
    refusedFor(request, new Reads(ALGORITHM, DATASET), computeRefusal);
  }

  @Test
  void an_admitted_request_is_the_job_the_engine_runs_and_its_quote() {
    Admitted admitted = admit(request());

    JobSpec spec = admitted.spec();
    assertThat(spec.owner()).isEqualTo(CONSUMER);
    assertThat(spec.datasets())
        .containsExactly(new JobSpec.Input(DATASET.did(), COMPUTE, DATASET_PUBLISHER));
    assertThat(spec.algorithm().did()).contains(ALGORITHM.did());
    assertThat(spec.algorithm().serviceId()).contains(ACCESS);
    assertThat(spec.algorithm().publisher()).contains(ALGORITHM.publisher());
    assertThat(spec.algorithm().container())
        .isEqualTo(
            new JobSpec.Container(
                CONTAINER.image(), CONTAINER.tag(), CONTAINER.checksum(), CONTAINER.entrypoint()));
    assertThat(spec.algorithm().rawCode()).isEmpty();
    assertThat(spec.environment()).isEqualTo("env");
    assertThat(spec.resources()).containsExactly(new JobSpec.ResourceAmount("cpu", 1));
    assertThat(spec.maxDuration()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(spec.allowNetwork()).isFalse();
    assertThat(admitted.environment()).isEqualTo(ENVIRONMENT);
    assertThat(admitted.quote().cost()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(admitted.quote().chainId()).isEqualTo(CHAIN);
    assertThat(admitted.quote().validUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(admitted.dues()).isEmpty();
  }

  @Test
  void the_assets_are_read_at_once_then_the_environment_and_no_fee_payee_for_a_free_job() {
    Reads reads = new Reads(ALGORITHM, DATASET);

    admit(request(), reads);

    assertThat(reads.log).containsExactly("assets", "environment");
  }

  @Nested
  class TheRequestsShape {

    @Test
    void a_job_needs_a_dataset() {
      refusal(request().withDatasets()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_job_runs_on_at_most_ten_datasets() {
      DatasetRef ref = new DatasetRef(DATASET.did(), COMPUTE);
      DatasetRef[] ten = new DatasetRef[10];
      java.util.Arrays.fill(ten, ref);
      DatasetRef[] eleven = new DatasetRef[11];
      java.util.Arrays.fill(eleven, ref);

      assertThat(admit(request().withDatasets(ten)).spec().datasets()).hasSize(10);
      refusal(request().withDatasets(eleven))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("1 to 10 datasets");
    }

    @Test
    void a_job_has_at_most_twenty_additional_viewers() {
      assertThat(admit(request().withViewers(20)).spec().additionalViewers()).hasSize(20);
      refusal(request().withViewers(21))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("at most 20 additional viewers");
    }

    @Test
    void the_dataset_count_is_checked_before_the_viewers_and_before_anything_is_read() {
      Reads reads = new Reads(ALGORITHM, DATASET);

      refusal(request().withDatasets().withViewers(21), reads)
          .hasMessageContaining("1 to 10 datasets");
      assertThat(reads.log).isEmpty();
    }
  }

  @Nested
  class TheAlgorithm {

    @Test
    void an_algorithm_that_does_not_exist_is_not_found() {
      refusal(request().withAlgorithm(AlgorithmRef.published(did("nothing"))))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_dataset_named_as_the_algorithm_is_not_an_algorithm() {
      Asset other = dataset().withDid(did("other dataset")).build();

      refusedFor(
          request().withAlgorithm(AlgorithmRef.published(other.did())),
          new Reads(ALGORITHM, DATASET, other),
          Reason.NOT_ALGO);
    }

    @Test
    void an_algorithm_asset_without_its_algorithm_metadata_is_not_an_algorithm() {
      Asset bare = algorithm().withAlgorithmMetadata(Optional.empty()).build();

      refusedFor(request(), new Reads(bare, DATASET), Reason.NOT_ALGO);
    }

    @Test
    void a_service_the_algorithm_does_not_have_is_not_found() {
      AlgorithmRef ref =
          new AlgorithmRef(Optional.of(ALGORITHM.did()), Optional.of("nope"), Optional.empty());

      refusedFor(
          request().withAlgorithm(ref), new Reads(ALGORITHM, DATASET), Reason.SERVICE_NOT_FOUND);
    }

    @Test
    void a_request_must_name_an_algorithm_or_send_code() {
      refusal(
              request()
                  .withAlgorithm(
                      new AlgorithmRef(Optional.empty(), Optional.empty(), Optional.empty())))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("a documentId or meta");
    }

    @Test
    void raw_code_is_one_byte_to_one_mebibyte() {
      Reads reads =
          new Reads(ALGORITHM, dataset().withCompute(computeOptions().withRawAlgorithms()).build());
      String mebibyte = "x".repeat(1 << 20);

      refusal(request().withRaw(raw(" \n")), reads)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("rawcode");
      refusal(request().withRaw(raw(mebibyte + "x")), reads)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("rawcode");
      JobSpec.Algorithm algorithm =
          admit(request().withRaw(raw(mebibyte)), reads).spec().algorithm();
      assertThat(algorithm.raw()).isTrue();
      assertThat(algorithm.rawCode()).contains(mebibyte);
    }

    @Test
    void the_algorithm_is_refused_before_any_dataset_is_looked_at() {
      Asset notAnAlgorithm = dataset().withDid(ALGORITHM.did()).build();

      refusedFor(
          request().withDatasets(new DatasetRef(did("missing"), COMPUTE)),
          new Reads(notAnAlgorithm),
          Reason.NOT_ALGO);
    }
  }

  @Nested
  class TheDatasets {

    @Test
    void a_dataset_that_does_not_exist_is_not_found() {
      refusal(request().withDatasets(new DatasetRef(did("missing"), COMPUTE)))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_algorithm_named_as_a_dataset_is_not_a_compute_service() {
      refusedFor(
          request().withDatasets(new DatasetRef(ALGORITHM.did(), ACCESS)),
          new Reads(ALGORITHM),
          Reason.NOT_A_COMPUTE_SERVICE);
    }

    @Test
    void a_service_the_dataset_does_not_have_is_not_found() {
      refusedFor(
          request().withDatasets(new DatasetRef(DATASET.did(), "nope")),
          new Reads(ALGORITHM, DATASET),
          Reason.SERVICE_NOT_FOUND);
    }

    @Test
    void the_first_datasets_service_must_be_a_compute_service() {
      Asset downloadable = dataset().withServices(accessService(ACCESS)).build();

      refusedFor(
          request().withDatasets(new DatasetRef(downloadable.did(), ACCESS)),
          new Reads(ALGORITHM, downloadable),
          Reason.NOT_A_COMPUTE_SERVICE);
    }

    @Test
    void the_first_dataset_must_trust_the_algorithm() {
      refusedFor(request(), new Reads(ALGORITHM, dataset().build()), Reason.NOT_TRUSTED_ALGO);
    }

    @Test
    void the_permission_rules_see_the_consumers_credentials() {
      Asset denying = dataset().withCompute(trusting(ALGORITHM)).withDenyList(CONSUMER).build();

      refusedFor(request(), new Reads(ALGORITHM, denying), Reason.CONSUMER_DENIED);
    }

    @Test
    void raw_code_runs_only_where_the_dataset_allows_it() {
      refusedFor(
          request().withRaw(raw("print(1)")),
          new Reads(ALGORITHM, DATASET),
          Reason.NO_RAW_ALGO_ALLOWED);
    }

    @Test
    void another_datasets_access_service_needs_only_to_be_usable() {
      Asset other = dataset().withDid(did("other")).withServices(accessService(ACCESS)).build();
      Request request =
          request()
              .withDatasets(
                  new DatasetRef(DATASET.did(), COMPUTE), new DatasetRef(other.did(), ACCESS));

      assertThat(admit(request, new Reads(ALGORITHM, DATASET, other)).spec().datasets())
          .extracting(JobSpec.Input::did)
          .containsExactly(DATASET.did(), other.did());
      refusedFor(
          request,
          new Reads(
              ALGORITHM,
              DATASET,
              dataset()
                  .withDid(did("other"))
                  .withServices(accessService(ACCESS))
                  .disabled()
                  .build()),
          Reason.ASSET_DISABLED);
    }

    @Test
    void another_datasets_compute_service_must_trust_the_algorithm_too() {
      Asset other = dataset().withDid(did("other")).build();

      refusedFor(
          request()
              .withDatasets(
                  new DatasetRef(DATASET.did(), COMPUTE), new DatasetRef(other.did(), COMPUTE)),
          new Reads(ALGORITHM, DATASET, other),
          Reason.NOT_TRUSTED_ALGO);
    }

    @Test
    void the_first_dataset_that_refuses_is_the_answer() {
      Asset untrusting = dataset().withDid(did("untrusting")).build();

      refusedFor(
          request()
              .withDatasets(
                  new DatasetRef(DATASET.did(), COMPUTE),
                  new DatasetRef(untrusting.did(), COMPUTE),
                  new DatasetRef(ALGORITHM.did(), ACCESS)),
          new Reads(ALGORITHM, DATASET, untrusting),
          Reason.NOT_TRUSTED_ALGO);
    }

    @Test
    void the_datasets_are_refused_before_the_environment_is_read() {
      Reads reads = new Reads(ALGORITHM, dataset().build());

      refusedFor(request().withEnvironment("nowhere"), reads, Reason.NOT_TRUSTED_ALGO);
      assertThat(reads.log).containsExactly("assets");
    }

    @Test
    void the_network_is_allowed_only_when_every_dataset_and_the_environment_allow_it() {
      Asset open =
          dataset()
              .withCompute(
                  computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)).withNetworkAccess())
              .build();
      Asset closed = dataset().withDid(did("closed")).withCompute(trusting(ALGORITHM)).build();
      Request both =
          request()
              .withDatasets(
                  new DatasetRef(open.did(), COMPUTE), new DatasetRef(closed.did(), COMPUTE));

      assertThat(admit(request(), new Reads(ALGORITHM, open)).spec().allowNetwork()).isTrue();
      assertThat(admit(both, new Reads(ALGORITHM, open, closed)).spec().allowNetwork()).isFalse();
      ComputeEnvironment offline =
          new ComputeEnvironment(
              "env",
              "test",
              "x86_64",
              "linux",
              List.of(CPU),
              60,
              3600,
              2,
              86400,
              false,
              Optional.empty(),
              Optional.empty());
      assertThat(admit(request(), new Reads(ALGORITHM, open).with(offline)).quote().allowNetwork())
          .isFalse();
    }
  }

  @Nested
  class TheEnvironment {

    @Test
    void an_environment_that_does_not_exist_is_refused() {
      refusedFor(request().withEnvironment("nowhere"), "environment_not_found");
    }

    @Test
    void a_free_start_needs_a_free_tier_where_the_environment_has_prices() {
      Reads priced =
          new Reads(ALGORITHM, DATASET)
              .with(environment(Optional.of(cpuPerMinute("0.01")), Optional.empty()));

      refusedFor(request().asFree(), priced, "no_free_tier");
    }

    @Test
    void a_free_start_needs_no_free_tier_where_everything_costs_nothing() {
      Reads zero =
          new Reads(ALGORITHM, DATASET)
              .with(environment(Optional.of(cpuPerMinute("0")), Optional.empty()));

      assertThat(admit(request().asFree(), zero).quote().cost()).isEqualByComparingTo("0");
    }

    @Test
    void a_resource_the_environment_does_not_have_is_refused() {
      refusedFor(request().withResource("gpu", 1), "unknown_resource");
    }

    @Test
    void more_of_a_resource_than_a_job_may_have_is_refused() {
      assertThat(admit(request().withCpu(4)).spec().resources())
          .containsExactly(new JobSpec.ResourceAmount("cpu", 4));
      refusedFor(request().withCpu(5), "not_enough_resources");
    }

    @Test
    void a_duration_outside_the_environments_limits_is_refused() {
      assertThat(admit(request().withDuration(60)).spec().maxDuration())
          .isEqualTo(Duration.ofSeconds(60));
      refusedFor(request().withDuration(59), "invalid_duration");
      refusedFor(request().withDuration(3601), "invalid_duration");
    }

    @Test
    void a_free_job_gets_the_free_tiers_limits() {
      ComputeEnvironment.FreeTier tier =
          new ComputeEnvironment.FreeTier(
              120, 30, 1, List.of(new ComputeEnvironment.Resource("cpu", "cores", 8, 1, 1)));
      Reads reads =
          new Reads(ALGORITHM, DATASET)
              .with(environment(Optional.of(cpuPerMinute("1")), Optional.of(tier)));

      Admitted admitted = admit(request().asFree(), reads);
      assertThat(admitted.spec().maxDuration()).isEqualTo(Duration.ofSeconds(120));
      assertThat(admitted.quote().cost()).isEqualByComparingTo("0");
      refusedFor(request().asFree().withCpu(2), reads, "not_enough_resources");
      refusedFor(request().asFree().withDuration(121), reads, "invalid_duration");
    }

    @Test
    void the_free_tier_is_checked_before_the_resources_and_the_resources_before_the_duration() {
      Reads priced =
          new Reads(ALGORITHM, DATASET)
              .with(environment(Optional.of(cpuPerMinute("1")), Optional.empty()));

      refusedFor(request().asFree().withCpu(5).withDuration(1), priced, "no_free_tier");
      refusedFor(request().withCpu(5).withDuration(1), "not_enough_resources");
    }
  }

  @Nested
  class TheConsumerParameters {

    final Asset withParameter =
        algorithm()
            .withAlgorithmMetadata(
                Optional.of(
                    new AlgorithmMetadata(
                        "python",
                        "3.12",
                        CONTAINER,
                        List.of(
                            new ConsumerParameter(
                                "rounds",
                                ConsumerParameter.Type.NUMBER,
                                "Rounds",
                                true,
                                "",
                                Optional.empty(),
                                List.of())))))
            .build();
    final Asset trustingIt = dataset().withCompute(trusting(withParameter)).build();

    @Test
    void the_parameters_are_checked_against_the_algorithms_declaration() {
      Reads reads = new Reads(withParameter, trustingIt);

      assertThat(
              admit(
                      request()
                          .withParameters(Json.createObjectBuilder().add("rounds", "3").build()),
                      reads)
                  .spec()
                  .algoCustomData())
          .isEqualTo(Json.createObjectBuilder().add("rounds", new BigDecimal("3")).build());
      refusedFor(request(), reads, "invalid_consumer_parameters");
      refusedFor(
          request()
              .withParameters(Json.createObjectBuilder().add("rounds", 1).add("typo", 1).build()),
          reads,
          "invalid_consumer_parameters");
    }

    @Test
    void the_parameters_are_checked_after_the_environment() {
      refusedFor(
          request().withDuration(1), new Reads(withParameter, trustingIt), "invalid_duration");
    }
  }

  @Nested
  class WhatIsPaid {

    final Asset pricedAlgorithm =
        algorithm()
            .withServices(
                new Service(ACCESS, ServiceType.ACCESS, 1, 0, price("2"), Optional.empty()))
            .build();
    final Asset pricedDataset =
        dataset()
            .withServices(
                new Service(
                    COMPUTE,
                    ServiceType.COMPUTE,
                    1,
                    0,
                    price("3"),
                    Optional.of(trusting(pricedAlgorithm))))
            .build();

    @Test
    void the_algorithm_is_due_first_then_each_dataset_to_its_publisher_on_the_default_chain() {
      Admitted admitted = admit(request(), new Reads(pricedAlgorithm, pricedDataset));

      assertThat(admitted.dues())
          .containsExactly(
              new Due(
                  ALGORITHM.did().value() + "/" + ACCESS,
                  Optional.of(ALGORITHM.did()),
                  ALGORITHM.publisher(),
                  Optional.empty(),
                  CHAIN,
                  new BigDecimal("2"),
                  Optional.empty()),
              new Due(
                  DATASET.did().value() + "/" + COMPUTE,
                  Optional.of(DATASET.did()),
                  DATASET_PUBLISHER,
                  Optional.empty(),
                  CHAIN,
                  new BigDecimal("3"),
                  Optional.empty()));
    }

    @Test
    void the_environments_fee_is_due_last_to_the_fee_payee_in_its_token_and_chain() {
      Reads reads =
          new Reads(pricedAlgorithm, pricedDataset)
              .with(environment(Optional.of(cpuPerMinute("0.5")), Optional.empty()));

      Admitted admitted = admit(request().withCpu(2).withDuration(61), reads);

      // 2 cores for 2 started minutes at 0.5 a core-minute
      assertThat(admitted.quote().cost()).isEqualByComparingTo("2");
      assertThat(admitted.quote().token()).contains(TOKEN);
      assertThat(admitted.quote().chainId()).isEqualTo(CHAIN + 1);
      assertThat(admitted.dues()).hasSize(3);
      assertThat(admitted.dues().get(2))
          .isEqualTo(
              new Due(
                  "environment/env",
                  Optional.empty(),
                  FEE_PAYEE,
                  Optional.of(TOKEN.toLowerCase(java.util.Locale.ROOT)),
                  CHAIN + 1,
                  new BigDecimal("2"),
                  Optional.of("0xenvironment")));
      assertThat(reads.log).containsExactly("assets", "environment", "fee payee");
    }

    @Test
    void a_free_start_owes_the_environment_nothing() {
      ComputeEnvironment.FreeTier tier = new ComputeEnvironment.FreeTier(3600, 60, 1, List.of());
      Reads reads =
          new Reads(ALGORITHM, DATASET)
              .with(environment(Optional.of(cpuPerMinute("0.5")), Optional.of(tier)));

      Admitted admitted = admit(request().asFree(), reads);

      assertThat(admitted.dues()).isEmpty();
      assertThat(reads.log).doesNotContain("fee payee");
    }

    @Test
    void the_publisher_of_an_asset_does_not_pay_for_it() {
      Asset ownPriced =
          dataset()
              .withPublisher(CONSUMER)
              .withServices(
                  new Service(
                      COMPUTE,
                      ServiceType.COMPUTE,
                      1,
                      0,
                      price("3"),
                      Optional.of(trusting(ALGORITHM))))
              .build();

      assertThat(admit(request(), new Reads(ALGORITHM, ownPriced)).dues()).isEmpty();
    }

    @Test
    void the_cost_is_per_started_minute() {
      ComputeEnvironment priced = environment(Optional.of(cpuPerMinute("0.25")), Optional.empty());
      List<JobSpec.ResourceAmount> twoCores = List.of(new JobSpec.ResourceAmount("cpu", 2));

      assertThat(ComputeAdmission.cost(priced, twoCores, 1)).isEqualByComparingTo("0.5");
      assertThat(ComputeAdmission.cost(priced, twoCores, 60)).isEqualByComparingTo("0.5");
      assertThat(ComputeAdmission.cost(priced, twoCores, 61)).isEqualByComparingTo("1");
      assertThat(ComputeAdmission.cost(ENVIRONMENT, twoCores, 600)).isEqualByComparingTo("0");
    }
  }
}
