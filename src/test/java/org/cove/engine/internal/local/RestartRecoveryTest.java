package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash, simulated without the engine's help: its scheduler is shut down (nothing it would do
 * next happens) and its sandbox killed. A second engine over the same directory takes over.
 */
class RestartRecoveryTest {

  @TempDir Path dataDir;

  @Test
  void a_job_whose_algorithm_died_with_the_engine_ends_45_and_nothing_is_ledgered_twice() {
    EngineFixture first = new EngineFixture(dataDir, EngineFixture.settings());
    JobId id =
        first.submit(
            Specs.python("import time\nprint('started', flush=True)\ntime.sleep(600)").build());
    first.awaitStatus(id, JobStatus.RUNNING);
    Eventually.until(
        "status 40 in the ledger and the algorithm's first line",
        EngineFixture.PATIENCE,
        () -> first.ledger.keys().contains("job:" + id + ":status:40") && logLength(first, id) > 0);

    crash(first, id);
    EngineFixture second =
        new EngineFixture(
            dataDir, EngineFixture.settings(), first.inputs, first.ledger, first.clock);
    try {
      Job job = second.awaitFinished(id);

      assertThat(job.status()).isEqualTo(JobStatus.INTERRUPTED);
      assertThat(job.message())
          .contains("the algorithm was interrupted by a restart of the engine");
      assertThat(second.log(id, ResultType.ALGORITHM_LOG)).isEqualTo("started\n");
      String prefix = "job:" + id + ":";
      assertThat(second.ledger.keys())
          .containsExactly(
              prefix + "submitted",
              prefix + "status:1",
              prefix + "status:20",
              prefix + "status:30",
              prefix + "status:40",
              prefix + "status:60",
              prefix + "status:45");
      // asked again at most about what the first engine had recorded before the crash
      assertThat(second.ledger.repeats.get()).isLessThanOrEqualTo(5);
    } finally {
      second.close();
    }
  }

  @Test
  void a_job_caught_configuring_is_configured_again_from_a_clean_directory_and_runs()
      throws Exception {
    EngineFixture first = new EngineFixture(dataDir, EngineFixture.settings());
    CountDownLatch gate = new CountDownLatch(1);
    first.inputs.gate = gate;
    JobId id =
        first.submit(
            Specs.python(
                    "import os\nopen(os.environ['OUTPUTS'] + '/inputs.txt', 'w')"
                        + ".write(' '.join(sorted(os.listdir(os.environ['INPUTS']))))")
                .build());
    first.awaitStatus(id, JobStatus.CONFIGURING);
    Path data = first.jobDirectory(id).resolve("data");
    Eventually.until(
        "the first engine to be fetching the dataset",
        EngineFixture.PATIENCE,
        () -> Files.isDirectory(data.resolve("inputs").resolve(Specs.DATASET.hex())));
    first.scheduler.shutdownNow();
    Files.writeString(data.resolve("inputs/stale.txt"), "left by the first engine");
    // the first engine's fetch stays stuck, as if its thread had died with it
    first.inputs.gate = null;
    EngineFixture second =
        new EngineFixture(
            dataDir, EngineFixture.settings(), first.inputs, first.ledger, first.clock);
    try {
      Job job = second.awaitFinished(id);

      assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
      assertThat(second.output(id, "inputs.txt"))
          .isEqualTo(Specs.DATASET.hex() + " algoCustomData.json");
      assertThat(second.ledger.keys()).doesNotHaveDuplicates().hasSize(7);
      assertThat(second.ledger.repeats.get()).isLessThanOrEqualTo(3);
    } finally {
      second.close();
      gate.countDown();
    }
  }

  @Test
  void statuses_reached_while_the_ledger_was_down_are_recorded_once_when_it_is_back() {
    EngineFixture fixture = new EngineFixture(dataDir, EngineFixture.settings());
    try {
      fixture.ledger.down = true;
      JobId id = fixture.submit(Specs.python("print('hi')").build());
      assertThat(fixture.awaitFinished(id).status()).isEqualTo(JobStatus.FINISHED);
      assertThat(fixture.ledger.keys()).isEmpty();

      fixture.ledger.down = false;
      fixture.engine.sweepLedger();
      fixture.engine.sweepLedger();

      assertThat(fixture.ledger.keys()).hasSize(7).first().isEqualTo("job:" + id + ":submitted");
      assertThat(fixture.ledger.keys()).last().isEqualTo("job:" + id + ":status:70");
      assertThat(fixture.ledger.repeats).hasValue(0);
    } finally {
      fixture.close();
    }
  }

  /** Stops the engine's scheduler and kills the job's sandbox, leaving its state file as it was. */
  private static void crash(EngineFixture engine, JobId id) {
    engine.scheduler.shutdownNow();
    String jobDir = engine.jobDirectory(id).toString();
    List<ProcessHandle> sandboxes =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(jobDir))
                        .orElse(false))
            .toList();
    assertThat(sandboxes).isNotEmpty();
    sandboxes.forEach(ProcessHandle::destroyForcibly);
    Eventually.until(
        "the sandbox to die",
        EngineFixture.PATIENCE,
        () -> sandboxes.stream().noneMatch(ProcessHandle::isAlive));
  }

  private static long logLength(EngineFixture engine, JobId id) {
    return engine.jobDirectory(id).resolve("data/logs/algorithm.log").toFile().length();
  }
}
