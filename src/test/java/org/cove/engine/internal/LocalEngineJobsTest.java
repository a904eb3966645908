package org.cove.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.shared.AuditEvent;
import org.cove.shared.CoveException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real jobs through the real engine: python, node and sh algorithms in real sandboxes. */
class LocalEngineJobsTest {

  private static final String READ_INPUTS =
      """
      import json, os
      inputs = os.environ["INPUTS"]
      dids = json.loads(os.environ["DIDS"])
      data = {did: open(os.path.join(inputs, did, "0")).read() for did in dids}
      params = json.load(open(os.path.join(inputs, "algoCustomData.json")))
      with open(os.path.join(os.environ["OUTPUTS"], "result.json"), "w") as out:
          json.dump({"data": data, "params": params, "cwd": os.getcwd()}, out)
      print("read", len(dids), "datasets")
      """;

  @TempDir Path dataDir;
  EngineFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EngineFixture(dataDir, EngineFixture.settings());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void a_python_algorithm_reads_its_datasets_and_parameters_and_its_output_is_published() {
    fixture.inputs.datasets.put(Specs.DATASET, List.of("first dataset\n"));
    fixture.inputs.datasets.put(Specs.SECOND_DATASET, List.of("second dataset\n"));
    JobId id =
        fixture.submit(
            Specs.python(READ_INPUTS)
                .dataset(Specs.SECOND_DATASET)
                .customData("threshold", "42")
                .build());

    Job job = fixture.awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(job.exitCode()).contains(0);
    assertThat(EngineFixture.statusesInOrder(job))
        .containsExactly(
            JobStatus.QUEUED,
            JobStatus.CONFIGURING,
            JobStatus.PROVISIONED,
            JobStatus.RUNNING,
            JobStatus.PUBLISHING,
            JobStatus.FINISHED);
    assertThat(job.dateFinished()).isPresent();
    assertThat(job.results())
        .extracting(JobResult::index, JobResult::type, JobResult::filename)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, ResultType.OUTPUT, "result.json"),
            org.assertj.core.groups.Tuple.tuple(1, ResultType.ALGORITHM_LOG, "algorithm.log"),
            org.assertj.core.groups.Tuple.tuple(
                2, ResultType.CONFIGURATION_LOG, "configuration.log"),
            org.assertj.core.groups.Tuple.tuple(3, ResultType.PUBLISH_LOG, "publish.log"));
    for (JobResult result : job.results()) {
      assertThat(fixture.content(id, result).getBytes(StandardCharsets.UTF_8))
          .hasSize((int) result.filesize());
    }
    JsonObject output =
        Json.createReader(new StringReader(fixture.output(id, "result.json"))).readObject();
    assertThat(output.getJsonObject("data").getString(Specs.DATASET.hex()))
        .isEqualTo("first dataset\n");
    assertThat(output.getJsonObject("data").getString(Specs.SECOND_DATASET.hex()))
        .isEqualTo("second dataset\n");
    assertThat(output.getJsonObject("params").getString("threshold")).isEqualTo("42");
    assertThat(output.getString("cwd")).isEqualTo("/data/outputs");
    assertThat(fixture.log(id, ResultType.ALGORITHM_LOG)).isEqualTo("read 2 datasets\n");
    assertThat(fixture.log(id, ResultType.CONFIGURATION_LOG))
        .contains("dataset " + Specs.DATASET + ": 1 file(s), 14 bytes")
        .contains("dataset " + Specs.SECOND_DATASET + ": 1 file(s), 15 bytes")
        .doesNotContain(dataDir.toString());
    assertThat(fixture.log(id, ResultType.PUBLISH_LOG)).contains("output result.json");
    assertThat(fixture.jobDirectory(id).resolve("data")).doesNotExist();
  }

  @Test
  void every_status_is_recorded_once_in_the_ledger_for_everyone_concerned() {
    JobId id = fixture.submit(Specs.python("print('hi')").build());
    fixture.awaitFinished(id);

    String prefix = "job:" + id + ":";
    assertThat(fixture.ledger.keys())
        .containsExactly(
            prefix + "submitted",
            prefix + "status:1",
            prefix + "status:20",
            prefix + "status:30",
            prefix + "status:40",
            prefix + "status:60",
            prefix + "status:70");
    AuditEvent finished = fixture.ledger.event(prefix + "status:70");
    assertThat(finished.actor()).isEqualTo(EngineFixture.ENGINE);
    assertThat(finished.kind()).isEqualTo("job-status");
    assertThat(finished.payload().getInt("status")).isEqualTo(70);
    assertThat(finished.payload().getString("statusText")).isEqualTo("Job finished");
    assertThat(finished.parties())
        .containsExactlyInAnyOrder(
            Specs.OWNER, Specs.VIEWER, Specs.PUBLISHER, Specs.ALGORITHM_PUBLISHER);
    assertThat(fixture.ledger.repeats).hasValue(0);
  }

  @Test
  void node_and_sh_algorithms_run_with_their_runtimes() {
    JobId node =
        fixture.submit(
            Specs.node(
                    "require('fs').writeFileSync(process.env.OUTPUTS + '/out.txt', 'node ' +"
                        + " typeof process.version)")
                .build());
    JobId sh = fixture.submit(Specs.sh("ls \"$INPUTS\" > \"$OUTPUTS/out.txt\"").build());

    assertThat(fixture.awaitFinished(node).status()).isEqualTo(JobStatus.FINISHED);
    assertThat(fixture.output(node, "out.txt")).isEqualTo("node string");
    assertThat(fixture.awaitFinished(sh).status()).isEqualTo(JobStatus.FINISHED);
    assertThat(fixture.output(sh, "out.txt"))
        .isEqualTo(Specs.DATASET.hex() + "\nalgoCustomData.json\n");
  }

  @Test
  void a_failing_algorithm_ends_41_with_its_exit_code_and_its_stderr_in_the_log() {
    JobId id =
        fixture.submit(
            Specs.python("import sys\nsys.stderr.write('boom on stderr\\n')\nsys.exit(3)").build());

    Job job = fixture.awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.ALGORITHM_FAILED);
    assertThat(job.exitCode()).contains(3);
    assertThat(job.message()).contains("the algorithm exited with code 3");
    assertThat(fixture.log(id, ResultType.ALGORITHM_LOG)).contains("boom on stderr");
    assertThat(fixture.ledger.event("job:" + id + ":status:41").payload().getInt("exitCode"))
        .isEqualTo(3);
  }

  @Test
  void a_stopped_job_ends_44_with_its_logs_published_and_the_live_log_follows_it()
      throws Exception {
    JobId id =
        fixture.submit(
            Specs.python("import time\nprint('started', flush=True)\ntime.sleep(600)").build());
    fixture.awaitStatus(id, JobStatus.RUNNING);
    Eventually.until(
        "the live log", EngineFixture.PATIENCE, () -> liveLog(id, 0).equals("started\n"));
    assertThat(liveLog(id, 3)).isEqualTo("rted\n");

    fixture.engine.requestStop(id);
    Job job = fixture.awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.stopRequested()).isTrue();
    assertThat(fixture.log(id, ResultType.ALGORITHM_LOG)).isEqualTo("started\n");
    assertThat(job.results()).extracting(JobResult::type).contains(ResultType.PUBLISH_LOG);
    assertThat(liveLog(id, 3)).isEqualTo("rted\n");
    assertThat(fixture.engine.openLiveLog(id, 8)).isEmpty();
  }

  @Test
  void jobs_beyond_the_engines_slots_wait_queued_and_start_in_turn() {
    int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
    List<JobId> running = new java.util.ArrayList<>();
    for (int i = 0; i < slots; i++) {
      running.add(fixture.submit(Specs.python("import time\ntime.sleep(600)").build()));
    }
    running.forEach(id -> fixture.awaitStatus(id, JobStatus.RUNNING));

    JobId queued = fixture.submit(Specs.python("print('my turn')").build());
    JobId stoppedWhileQueued = fixture.submit(Specs.python("print('never')").build());

    assertThat(fixture.engine.find(queued).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    fixture.engine.requestStop(stoppedWhileQueued);
    assertThat(fixture.awaitFinished(stoppedWhileQueued).status()).isEqualTo(JobStatus.STOPPED);
    assertThat(fixture.engine.find(queued).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);

    fixture.engine.requestStop(running.get(0));

    assertThat(fixture.awaitFinished(queued).status()).isEqualTo(JobStatus.FINISHED);
    running.forEach(fixture.engine::requestStop);
    running.forEach(fixture::awaitFinished);
  }

  @Test
  void a_job_stopped_before_its_algorithm_started_ends_44_without_running_it() {
    fixture.inputs.gate = new CountDownLatch(1);
    JobId id = fixture.submit(Specs.python("open('/data/outputs/ran', 'w')").build());
    fixture.awaitStatus(id, JobStatus.CONFIGURING);

    fixture.engine.requestStop(id);
    fixture.inputs.gate.countDown();
    Job job = fixture.awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.timeline()).doesNotContainKey(JobStatus.RUNNING);
    assertThat(job.results())
        .extracting(JobResult::type)
        .containsExactly(ResultType.CONFIGURATION_LOG, ResultType.PUBLISH_LOG);
  }

  @Test
  void an_algorithm_past_its_deadline_ends_43_soon_after() {
    JobId id =
        fixture.submit(
            Specs.python("import time\ntime.sleep(600)")
                .maxDuration(Duration.ofSeconds(2))
                .build());

    Job job = fixture.awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
    Duration ran =
        Duration.between(
            job.timeline().get(JobStatus.RUNNING), job.timeline().get(JobStatus.TIMED_OUT));
    assertThat(ran).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(2 + 10));
    assertThat(job.message()).contains("the algorithm ran longer than its maximum duration of 2 s");
  }

  @Test
  void a_dataset_that_cannot_be_provided_ends_31_without_saying_where_it_lives() {
    fixture.inputs.failDatasets = true;
    JobId id = fixture.submit(Specs.python("print('never')").build());

    Job job = fixture.awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.DATA_PROVISIONING_FAILED);
    assertThat(job.timeline()).doesNotContainKey(JobStatus.RUNNING);
    assertThat(fixture.log(id, ResultType.CONFIGURATION_LOG))
        .contains(
            "dataset " + Specs.DATASET + " could not be provided: the provider could not read it")
        .doesNotContain("/secret/internal/host");
  }

  @Test
  void only_finished_jobs_are_deleted() throws Exception {
    JobId running = fixture.submit(Specs.python("import time\ntime.sleep(600)").build());
    fixture.awaitStatus(running, JobStatus.RUNNING);
    assertThatThrownBy(() -> fixture.engine.delete(running))
        .isInstanceOfSatisfying(
            CoveException.class, e -> assertThat(e.type().status()).isEqualTo(409));

    fixture.engine.requestStop(running);
    fixture.awaitFinished(running);
    fixture.engine.delete(running);

    assertThat(fixture.engine.find(running)).isEmpty();
    assertThat(fixture.jobDirectory(running)).doesNotExist();
  }

  @Test
  void a_bad_result_index_is_not_found() {
    JobId id = fixture.submit(Specs.python("print('hi')").build());
    fixture.awaitFinished(id);

    assertThatThrownBy(() -> fixture.engine.openResult(id, 99))
        .isInstanceOfSatisfying(
            CoveException.class, e -> assertThat(e.type().status()).isEqualTo(404));
  }

  @Test
  void images_without_a_runtime_are_refused_with_a_reason() {
    assertThat(fixture.engine.refusalFor(container("docker.io/library/python", "3.11"))).isEmpty();
    assertThat(fixture.engine.refusalFor(container("node", "20-slim"))).isEmpty();
    assertThat(fixture.engine.refusalFor(container("ghcr.io/acme/rust", "1.75")))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("ghcr.io/acme/rust:1.75")
                    .contains("python")
                    .contains("node"));
  }

  private static JobSpec.Container container(String image, String tag) {
    return new JobSpec.Container(image, tag, "sha256:" + "0".repeat(64), "");
  }

  private String liveLog(JobId id, long offset) {
    try {
      return fixture
          .engine
          .openLiveLog(id, offset)
          .map(
              in -> {
                try (InputStream stream = in) {
                  return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .orElse("");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
