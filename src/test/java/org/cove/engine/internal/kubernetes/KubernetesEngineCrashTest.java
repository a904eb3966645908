package org.cove.engine.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes the controller at a random step boundary (after an object create, before or after a
 * status write, before or after a ledger append, after a log copy or delete) and starts a new one,
 * again and again: every job still reaches the same end, no (stage, attempt) ever gets a second
 * pod, and the ledger holds each status once, in order.
 */
class KubernetesEngineCrashTest {

  static final int RUNS = 50;

  /** A crash: an Error, so that no catch meant for API or ledger failures swallows it. */
  static final class Crash extends Error {
    Crash(String step) {
      super("crashed at " + step, null, false, false);
    }
  }

  /**
   * Crashes at the n-th boundary the job under test reaches, and at every boundary after, whatever
   * the job: a dead engine acts no more.
   */
  static final class CrashAt implements Steps {
    private final AtomicInteger left;
    volatile String crashedAt;
    volatile String job = "";

    CrashAt(int n) {
      this.left = new AtomicInteger(n);
    }

    @Override
    public void reached(String step) {
      if (crashedAt != null) {
        throw new Crash(step);
      }
      if (step.contains(job) && left.decrementAndGet() == 0) {
        crashedAt = step;
        throw new Crash(step);
      }
    }
  }

  @TempDir Path dataDir;
  KubeFixture kube;
  volatile KubernetesBackend engine;
  AutoKubelet kubelet;

  @BeforeEach
  void start() {
    kube = new KubeFixture(dataDir);
    kubelet = new AutoKubelet(kube, () -> engine);
  }

  @AfterEach
  void stop() {
    kubelet.close();
    kube.close();
  }

  @Test
  void fifty_random_crashes_and_restarts_end_every_job_the_same_way() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> crashes = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      JobId id = JobId.random();
      CrashAt steps = new CrashAt(1 + random.nextInt(24));
      steps.job = id.value();
      engine = kube.engine(KubeFixture.settings(), steps);
      engine.runtime().startController();
      kube.answerLogs(id);
      engine.jobs().submit(id, Specs.python("print(" + run + ")").build());
      // crash and restart until the job has ended; each new engine may crash again
      while (!ended(id)) {
        if (steps.crashedAt != null) {
          crashes.add(steps.crashedAt.replace(id.value(), "<job>"));
          engine.close();
          steps = new CrashAt(random.nextBoolean() ? 1 + random.nextInt(24) : Integer.MAX_VALUE);
          steps.job = id.value();
          engine = kube.engine(KubeFixture.settings(), steps);
          engine.runtime().startController();
        }
        Thread.onSpinWait();
      }
      assertSameEnd(id, "seed " + seed + ", run " + run + ", crashes " + crashes);
      engine.close();
    }
    assertThat(kubelet.mostPodsPerName()).as("pods per (stage, attempt)").isEqualTo(1);
    assertThat(kubelet.podNames()).isEqualTo(3 * RUNS);
    assertThat(crashes).as("crashes happened at many kinds of step").hasSizeGreaterThan(RUNS / 2);
    assertThat(crashes.stream().map(c -> c.split(":")[0]).distinct())
        .as(crashes.toString())
        .contains("created", "status", "ledger");
  }

  private boolean ended(JobId id) {
    ComputeJob job = kube.resource(id);
    return job != null
        && ComputeJobs.status(job).terminal()
        && job.getStatus().results.size() == 4
        && kube.pod(id, Stage.PUBLISH).isEmpty();
  }

  private void assertSameEnd(JobId id, String context) {
    Eventually.until(
        "the ledger has the end of " + id,
        KubeFixture.patience(),
        () -> kube.ledger.keys().contains("job:" + id + ":status:70"));
    Job job = ComputeJobs.job(kube.resource(id));
    assertThat(job.status()).as(context).isEqualTo(JobStatus.FINISHED);
    assertThat(job.results())
        .extracting(JobResult::filename)
        .as(context)
        .containsExactly("out.txt", "algorithm.log", "configuration.log", "publish.log");
    List<String> keys = kube.ledger.keys().stream().filter(k -> k.startsWith("job:" + id)).toList();
    assertThat(keys)
        .as(context)
        .containsExactly(
            "job:" + id + ":submitted",
            "job:" + id + ":status:1",
            "job:" + id + ":status:20",
            "job:" + id + ":status:30",
            "job:" + id + ":status:40",
            "job:" + id + ":status:60",
            "job:" + id + ":status:70");
  }
}
