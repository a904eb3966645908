package org.cove.provider.internal.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.provider.Assets.ALGORITHM_PUBLISHER;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.DATASET_PUBLISHER;
import static org.cove.provider.Assets.computeOptions;
import static org.cove.provider.Assets.dataset;
import static org.cove.provider.Assets.did;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.ALGORITHM;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.CHAIN;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.DATASET;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.NOW;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.raw;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.request;
import static org.cove.provider.internal.compute.ComputeAdmissionTest.trusting;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.operator.EngineHealth;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.provider.AccessChanged;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetState;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.Price;
import org.cove.provider.internal.compute.ComputeAdmissionTest.Reads;
import org.cove.provider.internal.compute.ComputeAdmissionTest.Request;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.Page;
import org.junit.jupiter.api.Test;

/**
 * Each change that can take a job's permission away, committed: the sweep revokes the queued and
 * the running jobs it concerns (the engines then refuse or stop them, see the engine scenarios),
 * each with a reason its consumer reads and the one who made the change; jobs still admitted run
 * on.
 */
class RevocationSweepTest {

  private static final String REVOKED_APPROVAL =
      "no longer allowed to run: the dataset's publisher revoked this algorithm's approval";

  private final Jobs registry = new Jobs();
  private final InMemoryCatalogue catalogue = new InMemoryCatalogue(ALGORITHM, DATASET);
  private final RevocationSweep sweep = new RevocationSweep(registry, catalogue);

  @Test
  void a_revoked_approval_refuses_the_queued_job_and_stops_the_running_one() {
    JobId queued = registry.add(admitted(request()), JobStatus.QUEUED);
    JobId running = registry.add(admitted(request()), JobStatus.RUNNING);

    catalogue.put(withOptions(DATASET, computeOptions().build()));
    sweep.sweep(
        List.of(
            AccessChanged.of(DATASET.did(), DATASET_PUBLISHER),
            new AccessChanged(DATASET.did(), DATASET_PUBLISHER, Optional.of(ALGORITHM.did()))));

    assertThat(registry.revoked)
        .containsExactly(
            new Revoked(queued, DATASET_PUBLISHER, REVOKED_APPROVAL),
            new Revoked(running, DATASET_PUBLISHER, REVOKED_APPROVAL));
  }

  @Test
  void a_disabled_dataset_refuses_and_stops_its_jobs() {
    JobId queued = registry.add(admitted(request()), JobStatus.QUEUED);
    JobId running = registry.add(admitted(request()), JobStatus.RUNNING);
    Address admin = Address.parse("0x" + "ad".repeat(20));

    catalogue.put(disabled(DATASET));
    sweep.sweep(List.of(AccessChanged.of(DATASET.did(), admin)));

    String reason = "no longer allowed to run: the asset is disabled";
    assertThat(registry.revoked)
        .containsExactly(new Revoked(queued, admin, reason), new Revoked(running, admin, reason));
  }

  @Test
  void a_disabled_algorithm_refuses_and_stops_the_jobs_that_run_it() {
    JobId queued = registry.add(admitted(request()), JobStatus.QUEUED);
    JobId running = registry.add(admitted(request()), JobStatus.CONFIGURING);

    catalogue.put(disabled(ALGORITHM));
    sweep.sweep(List.of(AccessChanged.of(ALGORITHM.did(), ALGORITHM_PUBLISHER)));

    String reason = "no longer allowed to run: the algorithm is disabled";
    assertThat(registry.revoked)
        .containsExactly(
            new Revoked(queued, ALGORITHM_PUBLISHER, reason),
            new Revoked(running, ALGORITHM_PUBLISHER, reason));
  }

  @Test
  void raw_code_switched_off_refuses_and_stops_raw_jobs_only() {
    Asset open = dataset().withCompute(trustingAndRaw()).build();
    catalogue.put(open);
    Request rawRequest =
        request().withDatasets(new DatasetRef(open.did(), COMPUTE)).withRaw(raw("print('pasted')"));
    JobId queued = registry.add(admitted(rawRequest), JobStatus.QUEUED);
    JobId running = registry.add(admitted(rawRequest), JobStatus.RUNNING);
    JobId published = registry.add(admitted(request()), JobStatus.RUNNING);

    catalogue.put(withOptions(open, trusting(ALGORITHM)));
    sweep.sweep(List.of(AccessChanged.of(open.did(), DATASET_PUBLISHER)));

    String reason = "no longer allowed to run: the dataset does not accept raw algorithms";
    assertThat(registry.revoked)
        .containsExactly(
            new Revoked(queued, DATASET_PUBLISHER, reason),
            new Revoked(running, DATASET_PUBLISHER, reason));
    assertThat(registry.revoked).extracting(Revoked::id).doesNotContain(published);
  }

  @Test
  void a_trusted_publishers_list_narrowed_stops_their_algorithms() {
    Asset byPublisher =
        withOptions(
            DATASET, computeOptions().withTrustedPublishers(ALGORITHM_PUBLISHER.value()).build());
    catalogue.put(byPublisher);
    JobId running = registry.add(admitted(request()), JobStatus.RUNNING);

    catalogue.put(withOptions(DATASET, computeOptions().build()));
    sweep.sweep(List.of(AccessChanged.of(DATASET.did(), DATASET_PUBLISHER)));

    assertThat(registry.revoked)
        .containsExactly(
            new Revoked(
                running,
                DATASET_PUBLISHER,
                "no longer allowed to run: the dataset's publisher has not allowed this"
                    + " algorithm"));
  }

  @Test
  void a_change_that_takes_nothing_away_leaves_every_job_running() {
    registry.add(admitted(request()), JobStatus.RUNNING);

    catalogue.put(withOptions(DATASET, trustingAndRaw()));
    sweep.sweep(List.of(AccessChanged.of(DATASET.did(), DATASET_PUBLISHER)));

    assertThat(registry.revoked).isEmpty();
  }

  @Test
  void jobs_on_other_assets_are_not_judged() {
    Asset other = dataset().withDid(did("other")).withCompute(trusting(ALGORITHM)).build();
    catalogue.put(other);
    JobId elsewhere =
        registry.add(
            admitted(request().withDatasets(new DatasetRef(other.did(), COMPUTE))),
            JobStatus.RUNNING);

    catalogue.put(disabled(DATASET));
    sweep.sweep(List.of(AccessChanged.of(DATASET.did(), DATASET_PUBLISHER)));

    assertThat(registry.revoked).extracting(Revoked::id).doesNotContain(elsewhere);
    assertThat(registry.asked).containsExactly(DATASET.did());
  }

  @Test
  void a_job_that_cannot_be_stopped_does_not_keep_the_others_running() {
    JobId failing = registry.add(admitted(request()), JobStatus.RUNNING);
    JobId other = registry.add(admitted(request()), JobStatus.RUNNING);
    registry.failing = failing;

    catalogue.put(disabled(DATASET));
    List<JobId> revoked = sweep.sweep(List.of(AccessChanged.of(DATASET.did(), DATASET_PUBLISHER)));

    assertThat(revoked).containsExactly(other);
  }

  @Test
  void each_job_is_judged_once_however_many_of_its_assets_changed() {
    JobId running = registry.add(admitted(request()), JobStatus.RUNNING);

    catalogue.put(disabled(DATASET));
    catalogue.put(disabled(ALGORITHM));
    sweep.sweep(
        List.of(
            AccessChanged.of(DATASET.did(), DATASET_PUBLISHER),
            AccessChanged.of(ALGORITHM.did(), DATASET_PUBLISHER)));

    assertThat(registry.revoked).extracting(Revoked::id).containsExactly(running);
  }

  // --- helpers ---

  private JobSpec admitted(Request request) {
    return ComputeAdmission.admit(
            request.build(), new Reads(catalogue.assets.values().toArray(Asset[]::new)), CHAIN, NOW)
        .spec();
  }

  private static ComputeOptions trustingAndRaw() {
    ComputeOptions trusted = trusting(ALGORITHM);
    return new ComputeOptions(
        true, false, trusted.trustedAlgorithms(), trusted.trustedPublishers());
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

  record Revoked(JobId id, Address by, String reason) {}

  /** The registry's active jobs in memory; records each revocation. */
  static final class Jobs implements JobRegistry {
    final Map<JobId, Job> jobs = new LinkedHashMap<>();
    final List<Revoked> revoked = new ArrayList<>();
    final List<Did> asked = new ArrayList<>();
    JobId failing;

    JobId add(JobSpec spec, JobStatus status) {
      JobId id = JobId.random();
      jobs.put(
          id,
          new Job(
              id,
              spec,
              status,
              NOW,
              Optional.empty(),
              Map.of(status, NOW),
              List.of(),
              false,
              Optional.empty(),
              Optional.empty()));
      return id;
    }

    @Override
    public List<Job> activeJobsUsing(Did asset) {
      asked.add(asset);
      return jobs.values().stream().filter(job -> job.spec().uses(asset)).toList();
    }

    @Override
    public boolean revoke(JobId id, Address by, String reason) {
      if (id.equals(failing)) {
        throw new IllegalStateException("the engine is unreachable");
      }
      revoked.add(new Revoked(id, by, reason));
      return true;
    }

    @Override
    public void checkAdmission(JobSpec spec, int maxConcurrent) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Job register(JobSpec spec, int maxConcurrent) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Job register(
        JobSpec spec, int maxConcurrent, java.util.function.Consumer<JobId> alongside) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<Job> jobsOf(Address owner, int page, int size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<Job> jobsOnDatasetsOf(Address publisher, int page, int size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Job get(JobId id, Address reader) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Job stop(JobId id, Address owner) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(JobId id, Address owner) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResultContent openResult(JobId id, int index, Address reader) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InputStream openResultToPublish(JobId id, int index, Address owner) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<InputStream> liveLog(JobId id, long offset, Address reader) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long runningJobs(String environment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public EngineHealth engineHealth() {
      throw new UnsupportedOperationException();
    }
  }

  /** The catalogue's reads from memory; changes replace an asset by its DID. */
  static final class InMemoryCatalogue implements Catalogue {
    final Map<Did, Asset> assets = new HashMap<>();

    InMemoryCatalogue(Asset... initial) {
      for (Asset asset : initial) {
        put(asset);
      }
    }

    void put(Asset asset) {
      assets.put(asset.did(), asset);
    }

    @Override
    public Map<Did, Asset> getAll(Collection<Did> dids) {
      Map<Did, Asset> found = new HashMap<>();
      dids.stream().filter(assets::containsKey).forEach(d -> found.put(d, assets.get(d)));
      return found;
    }

    @Override
    public Asset get(Did did) {
      return assets.get(did);
    }

    @Override
    public Asset publish(Principal publisher, AssetDraft draft) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset update(Principal caller, Did did, AssetDraft draft) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<Asset> search(CatalogueQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset setState(Principal caller, Did did, AssetState state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset setComputeOptions(
        Principal caller, Did did, String serviceId, ComputeOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset setPrice(Principal caller, Did did, String serviceId, Price price) {
      throw new UnsupportedOperationException();
    }
  }
}
