package org.cove.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.provider.Assets.ACCESS;
import static org.cove.provider.Assets.ALGORITHM_PUBLISHER;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.CONSUMER;
import static org.cove.provider.Assets.CONTAINER;
import static org.cove.provider.Assets.DATASET_PUBLISHER;
import static org.cove.provider.Assets.SOMEONE_ELSE;
import static org.cove.provider.Assets.accessService;
import static org.cove.provider.Assets.algorithm;
import static org.cove.provider.Assets.computeOptions;
import static org.cove.provider.Assets.computeService;
import static org.cove.provider.Assets.computeServiceWithoutOptions;
import static org.cove.provider.Assets.dataset;
import static org.cove.provider.Assets.pinnedTo;
import static org.cove.provider.Assets.unpinned;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.cove.provider.Assets.ComputeOptionsBuilder;
import org.cove.shared.Address;
import org.cove.shared.Hashes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link Permissions} and their combinations. Unless a test says otherwise, {@link
 * Assets#CONSUMER} runs {@link Assets#algorithm()} (public, published on this provider) on the
 * compute service of {@link Assets#dataset()}.
 */
class PermissionsTest {

  static final Asset ALGORITHM = algorithm().build();

  static Decision run(Asset dataset, Asset algorithm) {
    return Permissions.mayRun(
        dataset, COMPUTE, new AlgorithmChoice.Published(algorithm, true), CONSUMER);
  }

  static Decision runFromAnotherProvider(Asset dataset, Asset algorithm) {
    return Permissions.mayRun(
        dataset, COMPUTE, new AlgorithmChoice.Published(algorithm, false), CONSUMER);
  }

  static Decision runRaw(Asset dataset) {
    return Permissions.mayRun(dataset, COMPUTE, new AlgorithmChoice.Raw(CONTAINER), CONSUMER);
  }

  static Asset datasetWith(ComputeOptionsBuilder options) {
    return dataset().withCompute(options).build();
  }

  static Decision refused(Reason reason) {
    return Decision.refused(reason);
  }

  static final Decision ALLOWED = Decision.ALLOWED;

  @Nested
  class PrivateByDefault {

    static Stream<Arguments> privateDatasets() {
      return Stream.of(
          arguments("compute options with nothing allowed", dataset().build()),
          arguments(
              "no compute options at all",
              dataset().withServices(computeServiceWithoutOptions(COMPUTE)).build()),
          arguments(
              "only network access allowed", datasetWith(computeOptions().withNetworkAccess())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateDatasets")
    void published_algorithm_is_not_trusted(String description, Asset dataset) {
      assertThat(run(dataset, ALGORITHM)).isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateDatasets")
    void private_algorithm_on_this_provider_is_not_trusted(String description, Asset dataset) {
      Asset privateAlgorithm = algorithm().asPrivateAlgorithm().build();
      assertThat(run(dataset, privateAlgorithm)).isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateDatasets")
    void raw_algorithm_is_refused_by_default(String description, Asset dataset) {
      assertThat(runRaw(dataset)).isEqualTo(refused(Reason.NO_RAW_ALGO_ALLOWED));
    }

    @Test
    void algorithm_of_the_datasets_own_publisher_is_not_trusted_either() {
      Asset own = algorithm().withPublisher(DATASET_PUBLISHER).build();
      assertThat(run(dataset().build(), own)).isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }
  }

  @Nested
  class TrustedAlgorithms {

    /** How an entry's DID relates to the algorithm's. */
    enum DidPattern {
      SAME(true),
      SAME_IN_UPPER_CASE(true),
      ANY(true),
      OTHER(false);

      final boolean matches;

      DidPattern(boolean matches) {
        this.matches = matches;
      }

      String of(Asset algorithm) {
        return switch (this) {
          case SAME -> algorithm.did().value();
          case SAME_IN_UPPER_CASE -> algorithm.did().value().toUpperCase(Locale.ROOT);
          case ANY -> TrustedAlgorithm.ANY;
          case OTHER -> Assets.did("another algorithm").value();
        };
      }
    }

    /** How an entry's checksum relates to the algorithm's. */
    enum ChecksumPattern {
      EQUAL(true),
      EQUAL_IN_UPPER_CASE(true),
      ANY(true),
      ABSENT(true),
      OTHER(false);

      final boolean matches;

      ChecksumPattern(boolean matches) {
        this.matches = matches;
      }

      Optional<String> of(String actual) {
        return switch (this) {
          case EQUAL -> Optional.of(actual);
          case EQUAL_IN_UPPER_CASE -> Optional.of(actual.toUpperCase(Locale.ROOT));
          case ANY -> Optional.of(TrustedAlgorithm.ANY);
          case ABSENT -> Optional.empty();
          case OTHER -> Optional.of(Hashes.sha256Hex("something else"));
        };
      }
    }

    /** Every combination of DID, filesChecksum and containerSectionChecksum patterns. */
    static Stream<Arguments> entries() {
      List<Arguments> rows = new ArrayList<>();
      for (DidPattern did : DidPattern.values()) {
        for (ChecksumPattern files : ChecksumPattern.values()) {
          for (ChecksumPattern container : ChecksumPattern.values()) {
            rows.add(arguments(did, files, container, expected(did, files, container)));
          }
        }
      }
      return rows.stream();
    }

    /**
     * The rule: an entry for another DID does not concern the algorithm; an entry that matches its
     * DID but not its code or container says which one changed (files first).
     */
    static Decision expected(DidPattern did, ChecksumPattern files, ChecksumPattern container) {
      if (!did.matches) {
        return refused(Reason.NOT_TRUSTED_ALGO);
      }
      if (!files.matches) {
        return refused(Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH);
      }
      if (!container.matches) {
        return refused(Reason.ALGORITHM_CONTAINER_CHECKSUM_MISMATCH);
      }
      return ALLOWED;
    }

    @ParameterizedTest(name = "did {0}, filesChecksum {1}, containerSectionChecksum {2}: {3}")
    @MethodSource("entries")
    void entry_allows_when_did_and_both_checksums_match(
        DidPattern did, ChecksumPattern files, ChecksumPattern container, Decision expected) {
      TrustedAlgorithm entry =
          new TrustedAlgorithm(
              did.of(ALGORITHM),
              files.of(ALGORITHM.filesChecksum().orElseThrow()),
              container.of(CONTAINER.sectionChecksum()));
      Asset dataset = datasetWith(computeOptions().withTrustedAlgorithms(entry));

      assertThat(run(dataset, ALGORITHM)).isEqualTo(expected);
    }

    static Stream<Arguments> updates() {
      Assets.Builder base = algorithm();
      return Stream.of(
          arguments(
              "new code",
              base.withCode("print('changed')"),
              Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH),
          arguments(
              "a second file",
              base.withCode(Assets.CODE, "helpers = 1"),
              Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH),
          arguments(
              "new image digest",
              base.withImageDigest("sha256:" + Hashes.sha256Hex("python:3.13")),
              Reason.ALGORITHM_CONTAINER_CHECKSUM_MISMATCH),
          arguments(
              "new entrypoint",
              base.withEntrypoint("python -O $ALGO"),
              Reason.ALGORITHM_CONTAINER_CHECKSUM_MISMATCH),
          arguments(
              "new code and new image digest",
              base.withCode("print('changed')")
                  .withImageDigest("sha256:" + Hashes.sha256Hex("python:3.13")),
              Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void pinned_entry_is_void_once_the_algorithm_changes(
        String change, Assets.Builder updated, Reason reason) {
      Asset dataset = datasetWith(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)));

      assertThat(run(dataset, ALGORITHM)).isEqualTo(ALLOWED);
      assertThat(run(dataset, updated.build())).isEqualTo(refused(reason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void entry_that_pins_no_checksum_survives_any_change(
        String change, Assets.Builder updated, Reason ignored) {
      Asset dataset =
          datasetWith(computeOptions().withTrustedAlgorithms(unpinned(ALGORITHM.did().value())));

      assertThat(run(dataset, updated.build())).isEqualTo(ALLOWED);
    }

    @Test
    void entry_pinned_only_to_the_container_survives_a_code_change() {
      TrustedAlgorithm containerOnly =
          new TrustedAlgorithm(
              ALGORITHM.did().value(),
              Optional.of(TrustedAlgorithm.ANY),
              Optional.of(CONTAINER.sectionChecksum()));
      Asset dataset = datasetWith(computeOptions().withTrustedAlgorithms(containerOnly));

      assertThat(run(dataset, algorithm().withCode("print('changed')").build())).isEqualTo(ALLOWED);
      assertThat(run(dataset, algorithm().withEntrypoint("sh $ALGO").build()))
          .isEqualTo(refused(Reason.ALGORITHM_CONTAINER_CHECKSUM_MISMATCH));
    }

    static Stream<Arguments> severalEntries() {
      TrustedAlgorithm other = unpinned(Assets.did("another algorithm").value());
      TrustedAlgorithm stale = pinnedTo(algorithm().withCode("print('old')").build());
      TrustedAlgorithm current = pinnedTo(ALGORITHM);
      return Stream.of(
          arguments(List.of(current, stale, other)),
          arguments(List.of(stale, current, other)),
          arguments(List.of(other, stale, current)),
          arguments(List.of(stale, other, current)));
    }

    @ParameterizedTest
    @MethodSource("severalEntries")
    void one_matching_entry_among_several_is_enough(List<TrustedAlgorithm> entries) {
      Asset dataset =
          datasetWith(
              computeOptions().withTrustedAlgorithms(entries.toArray(TrustedAlgorithm[]::new)));

      assertThat(run(dataset, ALGORITHM)).isEqualTo(ALLOWED);
    }

    @Test
    void entry_for_another_algorithm_only_is_not_trust() {
      Asset dataset =
          datasetWith(
              computeOptions()
                  .withTrustedAlgorithms(
                      pinnedTo(algorithm().withDid(Assets.did("another algorithm")).build())));

      assertThat(run(dataset, ALGORITHM)).isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }

    @Test
    void stale_entry_is_reported_as_a_mismatch_beside_entries_for_other_algorithms() {
      Asset dataset =
          datasetWith(
              computeOptions()
                  .withTrustedAlgorithms(
                      unpinned(Assets.did("another algorithm").value()),
                      pinnedTo(algorithm().withCode("print('old')").build())));

      assertThat(run(dataset, ALGORITHM))
          .isEqualTo(refused(Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH));
    }

    @Test
    void algorithm_without_a_files_checksum_matches_only_entries_that_do_not_pin_files() {
      Asset unhashed = algorithm().withFilesChecksum(Optional.empty()).build();

      assertThat(
              run(
                  datasetWith(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM))),
                  unhashed))
          .isEqualTo(refused(Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH));
      assertThat(
              run(
                  datasetWith(
                      computeOptions().withTrustedAlgorithms(unpinned(ALGORITHM.did().value()))),
                  unhashed))
          .isEqualTo(ALLOWED);
    }
  }

  @Nested
  class TrustedPublishers {

    static Stream<String> publisherSpellings() {
      String hex = ALGORITHM_PUBLISHER.value().substring(2);
      StringBuilder mixed = new StringBuilder();
      for (int i = 0; i < hex.length(); i++) {
        char c = hex.charAt(i);
        mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
      }
      return Stream.of(
          ALGORITHM_PUBLISHER.value(), "0x" + hex.toUpperCase(Locale.ROOT), "0x" + mixed);
    }

    @ParameterizedTest
    @MethodSource("publisherSpellings")
    void algorithm_of_a_listed_publisher_is_allowed_without_trusted_algorithms(String spelling) {
      Asset dataset = datasetWith(computeOptions().withTrustedPublishers(spelling));

      assertThat(run(dataset, ALGORITHM)).isEqualTo(ALLOWED);
    }

    static Stream<Address> publishers() {
      return Stream.of(ALGORITHM_PUBLISHER, DATASET_PUBLISHER, CONSUMER, SOMEONE_ELSE);
    }

    @ParameterizedTest
    @MethodSource("publishers")
    void wildcard_trusts_every_publisher(Address publisher) {
      Asset dataset = datasetWith(computeOptions().withTrustedPublishers(TrustedAlgorithm.ANY));

      assertThat(run(dataset, algorithm().withPublisher(publisher).build())).isEqualTo(ALLOWED);
    }

    @Test
    void publisher_trust_covers_every_version_of_the_algorithm() {
      Asset dataset =
          datasetWith(computeOptions().withTrustedPublishers(ALGORITHM_PUBLISHER.value()));

      assertThat(
              run(dataset, algorithm().withCode("print('new')").withEntrypoint("sh $ALGO").build()))
          .isEqualTo(ALLOWED);
    }

    @Test
    void listed_publishers_that_do_not_include_the_algorithms_are_not_trust() {
      Asset dataset =
          datasetWith(
              computeOptions()
                  .withTrustedPublishers(SOMEONE_ELSE.value(), DATASET_PUBLISHER.value()));

      assertThat(run(dataset, ALGORITHM)).isEqualTo(refused(Reason.NOT_TRUSTED_ALGO_PUBLISHER));
    }

    enum AlgorithmEntry {
      MATCHING,
      STALE,
      OTHER_DID,
      NONE;

      List<TrustedAlgorithm> entries() {
        return switch (this) {
          case MATCHING -> List.of(pinnedTo(ALGORITHM));
          case STALE -> List.of(pinnedTo(algorithm().withCode("print('old')").build()));
          case OTHER_DID -> List.of(unpinned(Assets.did("another algorithm").value()));
          case NONE -> List.of();
        };
      }
    }

    enum PublisherList {
      INCLUDES_IT,
      EXCLUDES_IT,
      NONE;

      List<String> publishers() {
        return switch (this) {
          case INCLUDES_IT -> List.of(SOMEONE_ELSE.value(), ALGORITHM_PUBLISHER.value());
          case EXCLUDES_IT -> List.of(SOMEONE_ELSE.value());
          case NONE -> List.of();
        };
      }
    }

    /**
     * Trusted algorithm OR trusted publisher: either list admits the algorithm on its own. When
     * neither does, the reason comes from the algorithm entries if there are any.
     */
    static Stream<Arguments> bothLists() {
      return Stream.of(
          arguments(AlgorithmEntry.MATCHING, PublisherList.INCLUDES_IT, ALLOWED),
          arguments(AlgorithmEntry.MATCHING, PublisherList.EXCLUDES_IT, ALLOWED),
          arguments(AlgorithmEntry.MATCHING, PublisherList.NONE, ALLOWED),
          arguments(AlgorithmEntry.STALE, PublisherList.INCLUDES_IT, ALLOWED),
          arguments(
              AlgorithmEntry.STALE,
              PublisherList.EXCLUDES_IT,
              refused(Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH)),
          arguments(
              AlgorithmEntry.STALE,
              PublisherList.NONE,
              refused(Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH)),
          arguments(AlgorithmEntry.OTHER_DID, PublisherList.INCLUDES_IT, ALLOWED),
          arguments(
              AlgorithmEntry.OTHER_DID,
              PublisherList.EXCLUDES_IT,
              refused(Reason.NOT_TRUSTED_ALGO)),
          arguments(AlgorithmEntry.OTHER_DID, PublisherList.NONE, refused(Reason.NOT_TRUSTED_ALGO)),
          arguments(AlgorithmEntry.NONE, PublisherList.INCLUDES_IT, ALLOWED),
          arguments(
              AlgorithmEntry.NONE,
              PublisherList.EXCLUDES_IT,
              refused(Reason.NOT_TRUSTED_ALGO_PUBLISHER)),
          arguments(AlgorithmEntry.NONE, PublisherList.NONE, refused(Reason.NOT_TRUSTED_ALGO)));
    }

    @ParameterizedTest(name = "trusted algorithms {0}, trusted publishers {1}: {2}")
    @MethodSource("bothLists")
    void trusted_algorithm_or_trusted_publisher_is_enough(
        AlgorithmEntry algorithms, PublisherList publishers, Decision expected) {
      Asset dataset =
          dataset()
              .withCompute(
                  new ComputeOptions(false, false, algorithms.entries(), publishers.publishers()))
              .build();

      assertThat(run(dataset, ALGORITHM)).isEqualTo(expected);
    }

    @Test
    void listed_publisher_is_trusted_for_its_public_algorithms_on_another_provider() {
      Asset dataset =
          datasetWith(computeOptions().withTrustedPublishers(ALGORITHM_PUBLISHER.value()));

      assertThat(runFromAnotherProvider(dataset, ALGORITHM)).isEqualTo(ALLOWED);
    }
  }

  @Nested
  class RawAlgorithms {

    @Test
    void raw_algorithm_is_refused_by_default() {
      assertThat(runRaw(dataset().build())).isEqualTo(refused(Reason.NO_RAW_ALGO_ALLOWED));
    }

    @Test
    void raw_algorithm_runs_when_the_dataset_allows_raw_algorithms() {
      assertThat(runRaw(datasetWith(computeOptions().withRawAlgorithms()))).isEqualTo(ALLOWED);
    }

    @Test
    void wildcards_for_algorithms_and_publishers_do_not_admit_raw_algorithms() {
      Asset dataset =
          datasetWith(
              computeOptions()
                  .withNetworkAccess()
                  .withTrustedAlgorithms(unpinned(TrustedAlgorithm.ANY))
                  .withTrustedPublishers(TrustedAlgorithm.ANY));

      assertThat(runRaw(dataset)).isEqualTo(refused(Reason.NO_RAW_ALGO_ALLOWED));
    }

    @Test
    void allowing_raw_algorithms_does_not_admit_published_ones() {
      Asset dataset = datasetWith(computeOptions().withRawAlgorithms());

      assertThat(run(dataset, ALGORITHM)).isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }
  }

  @Nested
  class DisabledAndMisusedAssets {

    static final Asset OPEN_DATASET =
        datasetWith(
            computeOptions()
                .withRawAlgorithms()
                .withTrustedAlgorithms(unpinned(TrustedAlgorithm.ANY))
                .withTrustedPublishers(TrustedAlgorithm.ANY));

    /** Requests that would be refused for another reason, or allowed, on an active dataset. */
    static Stream<Arguments> requestsOnADisabledDataset() {
      Assets.Builder disabled = dataset().disabled();
      Asset open = OPEN_DATASET;
      return Stream.of(
          arguments("trusted algorithm", disabledCopy(open), COMPUTE, published(ALGORITHM)),
          arguments("raw algorithm allowed", disabledCopy(open), COMPUTE, raw()),
          arguments("untrusted algorithm", disabled.build(), COMPUTE, published(ALGORITHM)),
          arguments("unknown service", disabled.build(), "nope", published(ALGORITHM)),
          arguments(
              "access service",
              disabled.withServices(accessService(ACCESS)).build(),
              ACCESS,
              published(ALGORITHM)),
          arguments(
              "consumer denied",
              disabled.withDenyList(CONSUMER).build(),
              COMPUTE,
              published(ALGORITHM)),
          arguments(
              "disabled algorithm",
              disabledCopy(open),
              COMPUTE,
              published(algorithm().disabled().build())),
          arguments(
              "dataset as algorithm", disabledCopy(open), COMPUTE, published(dataset().build())));
    }

    static Asset disabledCopy(Asset asset) {
      return new Asset(
          asset.did(),
          asset.publisher(),
          asset.metadata(),
          asset.services(),
          asset.credentials(),
          AssetState.DISABLED,
          asset.filesChecksum(),
          asset.hasSample());
    }

    static AlgorithmChoice published(Asset algorithm) {
      return new AlgorithmChoice.Published(algorithm, true);
    }

    static AlgorithmChoice raw() {
      return new AlgorithmChoice.Raw(CONTAINER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsOnADisabledDataset")
    void disabled_dataset_refuses_before_any_other_check(
        String description, Asset dataset, String serviceId, AlgorithmChoice choice) {
      assertThat(Permissions.mayRun(dataset, serviceId, choice, CONSUMER))
          .isEqualTo(refused(Reason.ASSET_DISABLED));
    }

    @Test
    void disabled_algorithm_is_refused_even_when_trusted_by_every_rule() {
      Asset disabled = algorithm().disabled().build();
      Asset dataset =
          datasetWith(
              computeOptions()
                  .withTrustedAlgorithms(pinnedTo(disabled))
                  .withTrustedPublishers(ALGORITHM_PUBLISHER.value()));

      assertThat(run(dataset, disabled)).isEqualTo(refused(Reason.ALGORITHM_DISABLED));
    }

    static Stream<Arguments> notAlgorithms() {
      return Stream.of(
          arguments("a dataset", dataset().withPublisher(ALGORITHM_PUBLISHER).build()),
          arguments(
              "a dataset with a compute service",
              dataset()
                  .withPublisher(ALGORITHM_PUBLISHER)
                  .withServices(accessService(ACCESS), computeServiceWithoutOptions(COMPUTE))
                  .build()),
          arguments(
              "an algorithm without algorithm metadata",
              algorithm().withAlgorithmMetadata(Optional.empty()).build()),
          arguments(
              "algorithm metadata on a dataset", algorithm().withType(AssetType.DATASET).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAlgorithms")
    void asset_that_is_not_an_algorithm_cannot_run_even_when_everything_is_trusted(
        String description, Asset notAnAlgorithm) {
      assertThat(run(OPEN_DATASET, notAnAlgorithm)).isEqualTo(refused(Reason.NOT_ALGO));
    }
  }

  @Nested
  class ConsumerCredentials {

    static Stream<Arguments> credentials() {
      Assets.Builder dataset =
          dataset().withCompute(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)));
      Assets.Builder algorithm = algorithm();
      return Stream.of(
          arguments("both open", dataset, algorithm, ALLOWED),
          arguments(
              "dataset denies others", dataset.withDenyList(SOMEONE_ELSE), algorithm, ALLOWED),
          arguments(
              "dataset denies the consumer",
              dataset.withDenyList(CONSUMER),
              algorithm,
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "dataset denies and allows the consumer: deny wins",
              dataset.withAllowList(CONSUMER).withDenyList(CONSUMER),
              algorithm,
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "dataset allows only others",
              dataset.withAllowList(SOMEONE_ELSE),
              algorithm,
              refused(Reason.CONSUMER_NOT_ALLOWED)),
          arguments(
              "dataset allows the consumer among others",
              dataset.withAllowList(SOMEONE_ELSE, CONSUMER),
              algorithm,
              ALLOWED),
          arguments(
              "algorithm denies the consumer",
              dataset,
              algorithm.withDenyList(CONSUMER),
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "algorithm denies and allows the consumer: deny wins",
              dataset,
              algorithm.withAllowList(CONSUMER).withDenyList(CONSUMER),
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "algorithm allows only others",
              dataset,
              algorithm.withAllowList(SOMEONE_ELSE),
              refused(Reason.CONSUMER_NOT_ALLOWED)),
          arguments(
              "algorithm allows the consumer", dataset, algorithm.withAllowList(CONSUMER), ALLOWED),
          arguments(
              "dataset allows the consumer, algorithm denies it",
              dataset.withAllowList(CONSUMER),
              algorithm.withDenyList(CONSUMER),
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "dataset allows only others, algorithm allows the consumer",
              dataset.withAllowList(SOMEONE_ELSE),
              algorithm.withAllowList(CONSUMER),
              refused(Reason.CONSUMER_NOT_ALLOWED)));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("credentials")
    void deny_wins_then_a_non_empty_allow_list_must_contain_the_consumer(
        String description, Assets.Builder dataset, Assets.Builder algorithm, Decision expected) {
      assertThat(run(dataset.build(), algorithm.build())).isEqualTo(expected);
    }

    @Test
    void dataset_credentials_apply_to_raw_algorithms_too() {
      Assets.Builder rawAllowed = dataset().withCompute(computeOptions().withRawAlgorithms());

      assertThat(runRaw(rawAllowed.withDenyList(CONSUMER).build()))
          .isEqualTo(refused(Reason.CONSUMER_DENIED));
      assertThat(runRaw(rawAllowed.withAllowList(SOMEONE_ELSE).build()))
          .isEqualTo(refused(Reason.CONSUMER_NOT_ALLOWED));
    }

    @Test
    void lists_compare_addresses_regardless_of_letter_case() {
      Address upperCase =
          Address.parse(CONSUMER.value().toUpperCase(Locale.ROOT).replace("0X", "0x"));

      assertThat(
              run(
                  dataset()
                      .withCompute(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)))
                      .withAllowList(upperCase)
                      .build(),
                  ALGORITHM))
          .isEqualTo(ALLOWED);
    }
  }

  @Nested
  class AlgorithmLocation {

    static final Asset TRUSTING_EVERYTHING =
        datasetWith(
            computeOptions()
                .withTrustedAlgorithms(pinnedTo(ALGORITHM), unpinned(TrustedAlgorithm.ANY))
                .withTrustedPublishers(ALGORITHM_PUBLISHER.value(), TrustedAlgorithm.ANY));

    @Test
    void private_algorithm_from_another_provider_is_refused_however_trusted() {
      Asset privateAlgorithm = algorithm().asPrivateAlgorithm().build();

      assertThat(runFromAnotherProvider(TRUSTING_EVERYTHING, privateAlgorithm))
          .isEqualTo(refused(Reason.ALGORITHM_NOT_ON_THIS_PROVIDER));
    }

    @Test
    void private_algorithm_from_another_provider_is_refused_for_that_before_trust_is_asked() {
      Asset privateAlgorithm = algorithm().asPrivateAlgorithm().build();

      assertThat(runFromAnotherProvider(dataset().build(), privateAlgorithm))
          .isEqualTo(refused(Reason.ALGORITHM_NOT_ON_THIS_PROVIDER));
    }

    @Test
    void private_algorithm_on_this_provider_runs_when_trusted() {
      Asset privateAlgorithm = algorithm().asPrivateAlgorithm().build();
      Asset dataset =
          datasetWith(computeOptions().withTrustedAlgorithms(pinnedTo(privateAlgorithm)));

      assertThat(run(dataset, privateAlgorithm)).isEqualTo(ALLOWED);
    }

    @Test
    void public_algorithm_from_another_provider_runs_when_trusted() {
      Asset dataset = datasetWith(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)));

      assertThat(runFromAnotherProvider(dataset, ALGORITHM)).isEqualTo(ALLOWED);
    }

    @Test
    void public_algorithm_from_another_provider_still_needs_trust() {
      assertThat(runFromAnotherProvider(dataset().build(), ALGORITHM))
          .isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }
  }

  @Nested
  class Services {

    static final ComputeOptionsBuilder TRUST_ALL =
        computeOptions()
            .withRawAlgorithms()
            .withTrustedAlgorithms(unpinned(TrustedAlgorithm.ANY))
            .withTrustedPublishers(TrustedAlgorithm.ANY);

    @Test
    void unknown_service_is_not_found() {
      Asset dataset = datasetWith(TRUST_ALL);

      assertThat(Permissions.mayRun(dataset, "nope", published(ALGORITHM), CONSUMER))
          .isEqualTo(refused(Reason.SERVICE_NOT_FOUND));
    }

    @Test
    void algorithm_cannot_run_on_an_access_service() {
      Asset dataset =
          dataset()
              .withServices(accessService(ACCESS), computeService(COMPUTE, TRUST_ALL.build()))
              .build();

      assertThat(Permissions.mayRun(dataset, ACCESS, published(ALGORITHM), CONSUMER))
          .isEqualTo(refused(Reason.NOT_A_COMPUTE_SERVICE));
      assertThat(Permissions.mayRun(dataset, ACCESS, new AlgorithmChoice.Raw(CONTAINER), CONSUMER))
          .isEqualTo(refused(Reason.NOT_A_COMPUTE_SERVICE));
    }

    @Test
    void each_compute_service_applies_its_own_options() {
      Asset dataset =
          dataset()
              .withServices(
                  computeService("open", TRUST_ALL.build()),
                  computeService("closed", ComputeOptions.privateByDefault()))
              .build();

      assertThat(Permissions.mayRun(dataset, "open", published(ALGORITHM), CONSUMER))
          .isEqualTo(ALLOWED);
      assertThat(Permissions.mayRun(dataset, "closed", published(ALGORITHM), CONSUMER))
          .isEqualTo(refused(Reason.NOT_TRUSTED_ALGO));
    }

    static AlgorithmChoice published(Asset algorithm) {
      return new AlgorithmChoice.Published(algorithm, true);
    }
  }

  @Nested
  class Downloads {

    static Stream<Arguments> downloads() {
      Assets.Builder downloadable =
          dataset()
              .withServices(
                  accessService(ACCESS),
                  computeService(COMPUTE, ComputeOptions.privateByDefault()));
      Assets.Builder computeOnly = dataset();
      return Stream.of(
          arguments("access service", downloadable, ACCESS, CONSUMER, ALLOWED),
          arguments("public algorithm", algorithm(), ACCESS, CONSUMER, ALLOWED),
          arguments(
              "compute service of a downloadable dataset",
              downloadable,
              COMPUTE,
              CONSUMER,
              refused(Reason.COMPUTE_ONLY)),
          arguments(
              "compute-only dataset", computeOnly, COMPUTE, CONSUMER, refused(Reason.COMPUTE_ONLY)),
          arguments(
              "private algorithm",
              algorithm().asPrivateAlgorithm(),
              COMPUTE,
              CONSUMER,
              refused(Reason.COMPUTE_ONLY)),
          arguments(
              "compute-only dataset by its publisher",
              computeOnly,
              COMPUTE,
              DATASET_PUBLISHER,
              ALLOWED),
          arguments(
              "private algorithm by its publisher",
              algorithm().asPrivateAlgorithm(),
              COMPUTE,
              ALGORITHM_PUBLISHER,
              ALLOWED),
          arguments(
              "disabled, access service",
              downloadable.disabled(),
              ACCESS,
              CONSUMER,
              refused(Reason.ASSET_DISABLED)),
          arguments(
              "disabled, compute-only",
              computeOnly.disabled(),
              COMPUTE,
              CONSUMER,
              refused(Reason.ASSET_DISABLED)),
          arguments(
              "disabled, by its publisher",
              downloadable.disabled(),
              ACCESS,
              DATASET_PUBLISHER,
              ALLOWED),
          arguments(
              "disabled compute-only, by its publisher",
              computeOnly.disabled(),
              COMPUTE,
              DATASET_PUBLISHER,
              ALLOWED),
          arguments(
              "consumer denied",
              downloadable.withDenyList(CONSUMER),
              ACCESS,
              CONSUMER,
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "consumer denied and allowed: deny wins",
              downloadable.withAllowList(CONSUMER).withDenyList(CONSUMER),
              ACCESS,
              CONSUMER,
              refused(Reason.CONSUMER_DENIED)),
          arguments(
              "allow list without the consumer",
              downloadable.withAllowList(SOMEONE_ELSE),
              ACCESS,
              CONSUMER,
              refused(Reason.CONSUMER_NOT_ALLOWED)),
          arguments(
              "allow list with the consumer",
              downloadable.withAllowList(CONSUMER),
              ACCESS,
              CONSUMER,
              ALLOWED),
          arguments(
              "publisher outside its own allow list",
              downloadable.withAllowList(SOMEONE_ELSE).withDenyList(DATASET_PUBLISHER),
              ACCESS,
              DATASET_PUBLISHER,
              ALLOWED),
          arguments(
              "unknown service", downloadable, "nope", CONSUMER, refused(Reason.SERVICE_NOT_FOUND)),
          arguments(
              "unknown service, by the publisher",
              downloadable,
              "nope",
              DATASET_PUBLISHER,
              refused(Reason.SERVICE_NOT_FOUND)));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("downloads")
    void only_access_services_of_usable_assets_are_downloadable_except_by_their_publisher(
        String description,
        Assets.Builder asset,
        String serviceId,
        Address account,
        Decision expected) {
      assertThat(Permissions.mayDownload(asset.build(), serviceId, account)).isEqualTo(expected);
    }
  }

  @Nested
  class Reasons {

    @ParameterizedTest
    @CsvSource({
      "NOT_TRUSTED_ALGO, not_trusted_algo",
      "NOT_TRUSTED_ALGO_PUBLISHER, not_trusted_algo_publisher",
      "ALGORITHM_FILE_CHECKSUM_MISMATCH, algorithm_file_checksum_mismatch",
      "ALGORITHM_CONTAINER_CHECKSUM_MISMATCH, algorithm_container_checksum_mismatch",
      "NO_RAW_ALGO_ALLOWED, no_raw_algo_allowed",
      "ASSET_DISABLED, asset_disabled",
      "CONSUMER_DENIED, consumer_denied",
      "NOT_ALGO, not_algo",
    })
    void code_is_oceans_snake_case_code(Reason reason, String code) {
      assertThat(reason.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void every_reason_has_a_snake_case_code_and_an_explanation(Reason reason) {
      assertThat(reason.code()).matches("[a-z]+(_[a-z]+)*");
      assertThat(reason.explanation()).isNotBlank();
    }
  }

  /** An allowed decision says so and carries no reason. */
  @Test
  void allowed_decision_has_no_refusal() {
    assertThat(ALLOWED.allowed()).isTrue();
    assertThat(refused(Reason.NOT_ALGO).allowed()).isFalse();
    assertThat(refused(Reason.NOT_ALGO).refusal()).contains(Reason.NOT_ALGO);
  }
}
