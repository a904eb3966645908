package org.cove.engine.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines side by side on one API server: two acting at once never make two pods for one (stage,
 * attempt); with leader election only one acts, and another takes over when it goes; a writer
 * racing the controller's status writes loses nothing, and the controller loses nothing either.
 */
class KubernetesEngineConcurrencyTest {

  /** Writes racing the controller's. */
  static final int RACING_WRITES = 1000;

  @TempDir Path dataDir;
  KubeFixture kube;
  AutoKubelet kubelet;
  volatile KubernetesBackend first;

  @BeforeEach
  void start() {
    kube = new KubeFixture(dataDir);
    kubelet = new AutoKubelet(kube, () -> first);
  }

  @AfterEach
  void stop() {
    kubelet.close();
    kube.close();
  }

  @Test
  void two_engines_acting_at_once_never_create_two_pods_for_one_stage_and_attempt() {
    first = kube.engine(KubeFixture.settings());
    KubernetesBackend second = kube.engine(KubeFixture.settings());
    first.runtime().startController();
    second.runtime().startController();
    List<JobId> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(kube.submit(i % 2 == 0 ? first : second, Specs.python("print(" + i + ")").build()));
    }
    for (JobId id : ids) {
      Eventually.until(
          "job " + id + " finished",
          KubeFixture.patience(),
          () -> kube.statusCode(id) == JobStatus.FINISHED.code());
    }
    assertThat(kubelet.mostPodsPerName()).isEqualTo(1);
    assertThat(kubelet.podNames()).isEqualTo(3 * ids.size());
    assertThat(kube.ledger.repeats.get())
        .as("both engines may ask the ledger, which keeps one entry per key")
        .isGreaterThanOrEqualTo(0);
    // The finished status is written before its ledger entry is appended: wait for the entry.
    for (JobId id : ids) {
      Eventually.until(
          "job " + id + " recorded",
          KubeFixture.patience(),
          () -> kube.ledger.keys().stream().filter(k -> k.startsWith("job:" + id)).count() >= 7);
      assertThat(kube.ledger.keys().stream().filter(k -> k.startsWith("job:" + id))).hasSize(7);
    }
  }

  @Test
  void with_leader_election_one_engine_acts_and_another_takes_over_when_it_goes() {
    first = kube.engine(KubeFixture.settings());
    KubernetesBackend second = kube.engine(KubeFixture.settings());
    Duration lease = Duration.ofSeconds(2);
    first.runtime().startElected("first", lease);
    Eventually.until(
        "the first engine leads", KubeFixture.patience(), first.runtime()::controlling);
    second.runtime().startElected("second", lease);
    JobId before = kube.submit(second, Specs.python("1").build());
    Eventually.until(
        "a job done under the first leader",
        KubeFixture.patience(),
        () -> kube.statusCode(before) == JobStatus.FINISHED.code());
    assertThat(second.runtime().controlling()).isFalse();

    first.close();
    first = second;
    Eventually.until(
        "the second engine takes over", KubeFixture.patience(), second.runtime()::controlling);
    JobId after = kube.submit(second, Specs.python("2").build());
    Eventually.until(
        "a job done under the second leader",
        KubeFixture.patience(),
        () -> kube.statusCode(after) == JobStatus.FINISHED.code());
    assertThat(kubelet.mostPodsPerName()).isEqualTo(1);
  }

  @Test
  void two_writers_racing_on_one_status_1000_times_lose_no_update() throws Exception {
    first = kube.engine(KubeFixture.settings());
    JobId id = kube.submit(first, Specs.python("1").build());
    CompletableFuture<Void> one = race(id, 500);
    CompletableFuture<Void> other = race(id, 500);
    CompletableFuture.allOf(one, other).get(10, TimeUnit.MINUTES);
    assertThat(racerCount(kube.resource(id).getStatus())).isEqualTo(1000);
  }

  @Test
  void a_writer_racing_the_controllers_status_writes_loses_nothing_and_the_controller_neither()
      throws Exception {
    first = kube.engine(KubeFixture.settings());
    first.runtime().startController();
    JobId id = kube.submit(first, Specs.python("1").build());
    race(id, RACING_WRITES).get(10, TimeUnit.MINUTES);
    Eventually.until(
        "the job finished, now " + kube.statusCode(id),
        KubeFixture.patience(),
        () -> kube.statusCode(id) == JobStatus.FINISHED.code());
    ComputeJobStatus status = kube.resource(id).getStatus();
    assertThat(racerCount(status)).isEqualTo(RACING_WRITES);
    assertThat(ComputeJobs.timeline(status).keySet())
        .containsExactlyInAnyOrder(
            JobStatus.QUEUED,
            JobStatus.CONFIGURING,
            JobStatus.PROVISIONED,
            JobStatus.RUNNING,
            JobStatus.PUBLISHING,
            JobStatus.FINISHED);
    assertThat(status.results).hasSize(4);
  }

  /**
   * Increments a counter kept in a condition of its own, {@code times} times: a lost update (the
   * racer's or the controller's) shows as a count short of the writes or a missing status.
   */
  private CompletableFuture<Void> race(JobId id, int times) {
    StatusWriter racer = new StatusWriter(kube.client, KubeFixture.NAMESPACE);
    return CompletableFuture.runAsync(
        () -> {
          ComputeJob last = null;
          for (int i = 0; i < times; i++) {
            last =
                racer
                    .update(id.value(), last, KubernetesEngineConcurrencyTest::increment)
                    .orElseThrow();
          }
        });
  }

  private static int racerCount(ComputeJobStatus status) {
    return status.conditions.stream()
        .filter(c -> c.getType().equals("Racer"))
        .findFirst()
        .map(c -> Integer.parseInt(c.getMessage()))
        .orElse(0);
  }

  private static ComputeJobStatus increment(ComputeJobStatus status) {
    int count = racerCount(status);
    status.conditions.removeIf(c -> c.getType().equals("Racer"));
    status.conditions.add(
        new ConditionBuilder()
            .withType("Racer")
            .withStatus("True")
            .withMessage(String.valueOf(count + 1))
            .build());
    return status;
  }
}
