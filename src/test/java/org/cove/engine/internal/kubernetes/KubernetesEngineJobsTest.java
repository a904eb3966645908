package org.cove.engine.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubernetes engine end to end against the mock API server, the test playing kubelet. */
class KubernetesEngineJobsTest {

  @TempDir Path dataDir;
  KubeFixture kube;
  KubernetesBackend engine;

  @BeforeEach
  void start() {
    kube = new KubeFixture(dataDir);
    engine = kube.engine(KubeFixture.settings());
    engine.runtime().startController();
  }

  @AfterEach
  void stop() {
    kube.close();
  }

  @Test
  void a_job_goes_through_its_three_pods_to_70_with_results_listed_logs_copied_objects_cleaned()
      throws Exception {
    JobId id = kube.submit(engine, Specs.python("print(1)").customData("k", "v").build());

    awaitPod(id, Stage.CONFIGURE);
    // the pod is created before the status says so: a crash in between must not lose it
    awaitStatus(id, JobStatus.CONFIGURING);
    List<String> fetched = entries(kube.configurePodFetches(engine, id));
    assertThat(fetched)
        .containsExactly("inputs/" + Specs.DATASET.hex() + "/0", "inputs/algoCustomData.json");
    kube.finish(id, Stage.CONFIGURE, 0);

    awaitPod(id, Stage.ALGORITHM);
    awaitStatus(id, JobStatus.RUNNING);
    kube.finish(id, Stage.ALGORITHM, 0);

    awaitPod(id, Stage.PUBLISH);
    awaitStatus(id, JobStatus.PUBLISHING);
    kube.publishPodHandsOver(engine, id, "result.txt", "42\n");
    kube.finish(id, Stage.PUBLISH, 0);

    awaitStatus(id, JobStatus.FINISHED);
    Job job = engine.jobs().find(id).orElseThrow();
    assertThat(job.results())
        .extracting(JobResult::type, JobResult::filename)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ResultType.OUTPUT, "result.txt"),
            org.assertj.core.groups.Tuple.tuple(ResultType.ALGORITHM_LOG, "algorithm.log"),
            org.assertj.core.groups.Tuple.tuple(ResultType.CONFIGURATION_LOG, "configuration.log"),
            org.assertj.core.groups.Tuple.tuple(ResultType.PUBLISH_LOG, "publish.log"));
    assertThat(new String(engine.jobs().openResult(id, 0).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("42\n");
    assertThat(new String(engine.jobs().openResult(id, 1).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("algorithm log of " + JobNames.pod(id, Stage.ALGORITHM, 1) + "\n");
    assertThat(job.exitCode()).contains(0);
    assertThat(job.timeline().keySet())
        .containsExactlyInAnyOrder(
            JobStatus.QUEUED,
            JobStatus.CONFIGURING,
            JobStatus.PROVISIONED,
            JobStatus.RUNNING,
            JobStatus.PUBLISHING,
            JobStatus.FINISHED);
    Eventually.until("the job's objects are deleted", KubeFixture.patience(), () -> gone(id));
    assertThat(kube.ended).extracting(Job::id).containsExactly(id);
    assertThat(kube.ledger.keys())
        .contains(
            "job:" + id + ":submitted",
            "job:" + id + ":status:20",
            "job:" + id + ":status:40",
            "job:" + id + ":status:70");
    assertThat(kube.ledger.repeats).hasValue(0);
    ComputeJob resource = kube.resource(id);
    assertThat(resource.getStatus().phase).isEqualTo("Succeeded");
    assertThat(resource.getStatus().conditions)
        .singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(resource.getMetadata().getLabels())
        .containsEntry(JobNames.OWNER, Specs.OWNER.value().toLowerCase());
  }

  @Test
  void jobs_are_listed_newest_first_and_by_owner_from_the_cache() {
    JobId first = kube.submit(engine, Specs.python("1").build());
    kube.clock.advance(java.time.Duration.ofSeconds(1));
    JobId second = kube.submit(engine, Specs.python("2").build());
    Eventually.until(
        "both jobs are cached", KubeFixture.patience(), () -> engine.jobs().jobs().size() == 2);
    assertThat(engine.jobs().jobs()).extracting(Job::id).containsExactly(second, first);
    assertThat(engine.jobs().jobs(spec -> spec.owner().equals(Specs.OWNER), true)).hasSize(2);
    assertThat(engine.jobs().jobs(spec -> spec.owner().equals(Specs.VIEWER), false)).isEmpty();
  }

  @Test
  void one_owners_jobs_come_from_the_owner_index_without_reading_anyone_elses() {
    JobId first = kube.submit(engine, Specs.python("1").build());
    kube.clock.advance(java.time.Duration.ofSeconds(1));
    JobId second = kube.submit(engine, Specs.python("2").build());
    // someone else's job that cannot even be read back: listing by owner must never touch it
    org.cove.operator.JobSpec others = Specs.python("3").owner(Specs.VIEWER).build();
    ComputeJob unreadable = ComputeJobs.resource(JobId.random(), others, kube.clock.instant());
    unreadable.getSpec().datasets.get(0).did = "not a did";
    kube.client
        .resources(ComputeJob.class)
        .inNamespace(KubeFixture.NAMESPACE)
        .resource(unreadable)
        .create();
    Eventually.until(
        "the unreadable job is cached (a listing of everyone's jobs now fails)",
        KubeFixture.patience(),
        () -> {
          try {
            engine.jobs().jobs();
            return false;
          } catch (RuntimeException e) {
            return true;
          }
        });
    assertThat(engine.jobs().jobsOf(Specs.OWNER))
        .extracting(Job::id)
        .containsExactly(second, first);
    assertThat(engine.jobs().jobsOf(Specs.PUBLISHER)).isEmpty();
  }

  @Test
  void jobs_on_a_publishers_datasets_come_from_the_publisher_index() {
    JobId first = kube.submit(engine, Specs.python("1").build());
    kube.clock.advance(java.time.Duration.ofSeconds(1));
    JobId second = kube.submit(engine, Specs.python("2").build());
    org.cove.operator.JobSpec elsewhere = Specs.python("3").publishedBy(Specs.VIEWER).build();
    JobId others = kube.submit(engine, elsewhere);
    Eventually.until(
        "all three are cached", KubeFixture.patience(), () -> engine.jobs().jobs().size() == 3);

    assertThat(engine.jobs().jobsOnDatasetsOf(Specs.PUBLISHER))
        .extracting(Job::id)
        .containsExactly(second, first);
    assertThat(engine.jobs().jobsOnDatasetsOf(Specs.VIEWER))
        .extracting(Job::id)
        .containsExactly(others);
    assertThat(engine.jobs().jobsOnDatasetsOf(Specs.OWNER)).isEmpty();
  }

  @Test
  void unfinished_jobs_are_counted_per_environment_from_an_index_that_an_ended_job_leaves() {
    JobId failing = kube.submit(engine, Specs.python("1").environment("small").build());
    kube.submit(engine, Specs.python("2").environment("small").build());
    kube.submit(engine, Specs.python("3").environment("large").build());
    Eventually.until(
        "all three are cached",
        KubeFixture.patience(),
        () ->
            engine.jobs().unfinishedJobs("small") == 2
                && engine.jobs().unfinishedJobs("large") == 1);
    assertThat(engine.jobs().unfinishedJobs("elsewhere")).isZero();

    awaitPod(failing, Stage.CONFIGURE);
    kube.finish(failing, Stage.CONFIGURE, 31);
    awaitPod(failing, Stage.PUBLISH);
    assertThat(engine.jobs().unfinishedJobs("small")).as("publishing its logs").isEqualTo(2);
    kube.finish(failing, Stage.PUBLISH, 0);

    Eventually.until(
        "the failed job has left the count",
        KubeFixture.patience(),
        () -> engine.jobs().find(failing).orElseThrow().status().terminal());
    assertThat(engine.jobs().unfinishedJobs("small")).isEqualTo(1);
    assertThat(engine.jobs().unfinishedJobs("large")).isEqualTo(1);
  }

  @Test
  void a_wrong_token_gets_nothing() {
    JobId id = kube.submit(engine, Specs.python("1").build());
    awaitPod(id, Stage.CONFIGURE);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> engine.exchange().datasets(id, "0".repeat(64)))
        .isInstanceOf(org.cove.shared.NotFoundException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.exchange().datasets(id, null))
        .isInstanceOf(org.cove.shared.NotFoundException.class);
  }

  @Test
  void images_without_a_digest_are_refused_with_a_reason() {
    assertThat(
            engine
                .jobs()
                .refusalFor(
                    new org.cove.operator.JobSpec.Container("python", "3.11", "", "python $ALGO")))
        .hasValueSatisfying(why -> assertThat(why).contains("digest"));
    assertThat(
            engine
                .jobs()
                .refusalFor(
                    new org.cove.operator.JobSpec.Container(
                        "python", "3.11", "sha256:" + "a".repeat(64), "python $ALGO")))
        .isEmpty();
  }

  private boolean gone(JobId id) {
    return kube.pod(id, Stage.CONFIGURE).isEmpty()
        && kube.pod(id, Stage.ALGORITHM).isEmpty()
        && kube.pod(id, Stage.PUBLISH).isEmpty()
        && kube.client
                .secrets()
                .inNamespace(KubeFixture.NAMESPACE)
                .withName(JobNames.tokenSecret(id))
                .get()
            == null
        && kube.client
                .persistentVolumeClaims()
                .inNamespace(KubeFixture.NAMESPACE)
                .withName(JobNames.volume(id))
                .get()
            == null;
  }

  Pod awaitPod(JobId id, Stage stage) {
    Eventually.until(
        stage.label() + " pod of " + id,
        KubeFixture.patience(),
        () -> kube.pod(id, stage).isPresent());
    return kube.pod(id, stage).orElseThrow();
  }

  void awaitStatus(JobId id, JobStatus status) {
    Eventually.until(
        "status " + status.code() + " (now " + kube.statusCode(id) + ")",
        KubeFixture.patience(),
        () ->
            kube.statusCode(id) == status.code()
                && engine.jobs().find(id).map(Job::status).orElse(null) == status);
  }

  static List<String> entries(byte[] tar) throws Exception {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
