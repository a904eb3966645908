package org.cove.provider.internal.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.provider.Assets.ACCESS;
import static org.cove.provider.Assets.ALGORITHM_PUBLISHER;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.CONSUMER;
import static org.cove.provider.Assets.accessService;
import static org.cove.provider.Assets.algorithm;
import static org.cove.provider.Assets.computeOptions;
import static org.cove.provider.Assets.dataset;
import static org.cove.provider.Assets.did;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.ALGORITHM;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.CHAIN;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.DATASET;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.NOW;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.raw;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.request;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cove.operator.JobSpec;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.internal.compute.ComputeAdmissionTest.Reads;
import org.cove.provider.internal.compute.ComputeAdmissionTest.Request;
import org.cove.shared.Did;
import org.junit.jupiter.api.Test;

/**
 * A registered job judged again ({@link Readmission}) gets the answer a new start of the same
 * request would get from {@link ComputeAdmission} on the assets as they are now: each change a
 * publisher or an admin can make after a start is tried, and both answers compared.
 */
class ReadmissionTest {

  static final Asset ACCESS_DATASET =
      dataset().withDid(did("downloadable")).withServices(accessService(ACCESS)).build();

  @Test
  void a_job_on_unchanged_assets_is_still_admitted() {
    assertThat(judgedAgain(request(), ALGORITHM, DATASET)).isEmpty();
    assertThat(
            judgedAgain(
                request().withDatasets(ref(DATASET, COMPUTE), ref(ACCESS_DATASET, ACCESS)),
                ALGORITHM,
                DATASET,
                ACCESS_DATASET))
        .isEmpty();
    Asset rawAllowed = dataset().withCompute(computeOptions().withRawAlgorithms()).build();
    assertThat(judgedAgain(rawRequest(rawAllowed), rawAllowed)).isEmpty();
  }

  @Test
  void an_approval_revoked_refuses_the_algorithm() {
    Asset untrusting = withOptions(DATASET, computeOptions().build());

    assertSameAsAStart(
        request(), Reason.NOT_TRUSTED_ALGO, ALGORITHM, DATASET, /* then */ untrusting);
  }

  @Test
  void a_disabled_dataset_refuses_the_job() {
    assertSameAsAStart(
        request(), Reason.ASSET_DISABLED, ALGORITHM, DATASET, /* then */ disabled(DATASET));
  }

  @Test
  void a_disabled_algorithm_refuses_the_job() {
    assertSameAsAStart(
        request(), Reason.ALGORITHM_DISABLED, ALGORITHM, DATASET, /* then */ disabled(ALGORITHM));
  }

  @Test
  void a_disabled_additional_dataset_refuses_the_job() {
    assertSameAsAStart(
        request().withDatasets(ref(DATASET, COMPUTE), ref(ACCESS_DATASET, ACCESS)),
        Reason.ASSET_DISABLED,
        ALGORITHM,
        DATASET,
        ACCESS_DATASET,
        /* then */ disabled(ACCESS_DATASET));
  }

  @Test
  void a_trusted_publishers_list_narrowed_refuses_their_algorithms() {
    Asset trustingPublisher =
        withOptions(
            DATASET, computeOptions().withTrustedPublishers(ALGORITHM_PUBLISHER.value()).build());
    assertThat(judgedAgain(request(), ALGORITHM, trustingPublisher)).isEmpty();

    Asset narrowed =
        withOptions(DATASET, computeOptions().withTrustedPublishers("0x" + "9".repeat(40)).build());
    assertSameAsAStart(
        request(),
        Reason.NOT_TRUSTED_ALGO_PUBLISHER,
        ALGORITHM,
        trustingPublisher,
        /* then */ narrowed);
  }

  @Test
  void raw_code_switched_off_refuses_raw_jobs() {
    Asset rawAllowed = dataset().withCompute(computeOptions().withRawAlgorithms()).build();
    Asset switchedOff = withOptions(rawAllowed, computeOptions().build());

    assertSameAsAStart(rawRequest(rawAllowed), Reason.NO_RAW_ALGO_ALLOWED, rawAllowed, switchedOff);
  }

  @Test
  void the_consumer_put_on_the_deny_list_is_refused() {
    assertSameAsAStart(
        request(),
        Reason.CONSUMER_DENIED,
        ALGORITHM,
        DATASET,
        /* then */ dataset().withCompute(trusting()).withDenyList(CONSUMER).build());
  }

  @Test
  void an_algorithm_changed_since_it_was_pinned_is_refused() {
    assertSameAsAStart(
        request(),
        Reason.ALGORITHM_FILE_CHECKSUM_MISMATCH,
        ALGORITHM,
        DATASET,
        /* then */ algorithm().withCode("print('something else')").build());
  }

  @Test
  void a_compute_service_removed_is_refused() {
    assertSameAsAStart(
        request(),
        Reason.SERVICE_NOT_FOUND,
        ALGORITHM,
        DATASET,
        /* then */ dataset().withServices(accessService(ACCESS)).build());
  }

  @Test
  void the_first_refusal_is_admissions_first_the_dataset_before_its_trust_in_the_algorithm() {
    assertSameAsAStart(
        request(),
        Reason.ASSET_DISABLED,
        ALGORITHM,
        DATASET,
        /* then */ disabled(ALGORITHM),
        disabled(DATASET));
  }

  @Test
  void the_message_says_an_approval_was_revoked_only_for_a_refusal_of_trust() {
    assertThat(Readmission.message(Reason.NOT_TRUSTED_ALGO, true))
        .isEqualTo(
            "no longer allowed to run: the dataset's publisher revoked this algorithm's approval");
    assertThat(Readmission.message(Reason.NOT_TRUSTED_ALGO, false))
        .isEqualTo(
            "no longer allowed to run: the dataset's publisher has not allowed this algorithm");
    assertThat(Readmission.message(Reason.ASSET_DISABLED, true))
        .isEqualTo("no longer allowed to run: the asset is disabled");
  }

  @Test
  void an_asset_gone_refuses_the_job() {
    JobSpec spec = admitted(request(), ALGORITHM, DATASET);

    assertThat(Readmission.refusal(spec, Map.of(ALGORITHM.did(), ALGORITHM)))
        .contains(Reason.ASSET_DISABLED);
  }

  // --- helpers ---

  /**
   * Admits {@code request} on the first assets, then replaces by DID whatever follows (a change
   * after the start); the job judged again and a new start both give {@code reason}.
   */
  private static void assertSameAsAStart(Request request, Reason reason, Asset... assets) {
    JobSpec spec = admitted(request, firstOfEach(assets));
    Map<Did, Asset> now = latest(assets);

    assertThat(Readmission.refusal(spec, now)).as("judged again").contains(reason);
    assertThat(startRefusal(request, now)).as("a new start").contains(reason);
  }

  private static Optional<Reason> judgedAgain(Request request, Asset... assets) {
    return Readmission.refusal(admitted(request, assets), latest(assets));
  }

  private static JobSpec admitted(Request request, Asset... assets) {
    return ComputeAdmission.admit(request.build(), new Reads(assets), CHAIN, NOW).spec();
  }

  private static Optional<Reason> startRefusal(Request request, Map<Did, Asset> assets) {
    try {
      ComputeAdmission.admit(
          request.build(), new Reads(assets.values().toArray(Asset[]::new)), CHAIN, NOW);
      return Optional.empty();
    } catch (ProviderException.Refused refused) {
      return Optional.of(refused.reason());
    }
  }

  /** The first asset given for each DID: what the job was admitted on. */
  private static Asset[] firstOfEach(Asset... assets) {
    Map<Did, Asset> first = new HashMap<>();
    for (Asset asset : assets) {
      first.putIfAbsent(asset.did(), asset);
    }
    return first.values().toArray(Asset[]::new);
  }

  /** The last asset given for each DID: the assets as they are now. */
  private static Map<Did, Asset> latest(Asset... assets) {
    Map<Did, Asset> last = new HashMap<>();
    for (Asset asset : assets) {
      last.put(asset.did(), asset);
    }
    return last;
  }

  private static Request rawRequest(Asset dataset) {
    return request()
        .withDatasets(ref(dataset, COMPUTE))
        .withRaw(raw("print('pasted by the consumer')"));
  }

  private static DatasetRef ref(Asset asset, String serviceId) {
    return new DatasetRef(asset.did(), serviceId);
  }

  private static ComputeOptions trusting() {
    return ComputeAdmissionTest.trusting(ALGORITHM);
  }

  private static Asset withOptions(Asset dataset, ComputeOptions options) {
    return dataset().withDid(dataset.did()).withCompute(options).build();
  }

  private static Asset disabled(Asset asset) {
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
}
