package org.cove.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.operator.spi.ComputeEngine;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.CoveException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine backend does alike, end to end through the operator's SPI ({@link
 * ComputeEngine}): real algorithms on real inputs, the statuses and the ledger, failures, stop,
 * deadline, delete. A subclass says how to start its backend; the assertions are the same for all
 * of them, so a difference between backends is a bug in one of them.
 */
public abstract class EngineScenarios {

  /** Reads both datasets and the consumer's parameters, and writes what it read. */
  public static final String READ_INPUTS =
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

  static final Duration PATIENCE = Duration.ofSeconds(60);

  /** A stop's reason, as the provider gives one when it revokes a job. */
  static final String REVOKED =
      "no longer allowed to run: the dataset's publisher revoked this algorithm's approval";

  /** A running engine of one kind, with the fakes around it that the scenarios drive. */
  public interface Backend extends AutoCloseable {

    ComputeEngine engine();

    /** What the provider hands the engine for a job. */
    FakeInputs inputs();

    FakeAuditTrail ledger();

    /** Who the engine records ledger entries as. */
    Address actor();

    /**
     * Whether the ended job is settled: everything the engine does after storing its end is done
     * (the ledger entries are checked by the scenarios themselves).
     */
    boolean settled(JobId id);

    @Override
    void close();
  }

  /** Starts the backend under test over the scenario's own data directory. */
  protected abstract Backend backend(Path dataDir);

  @TempDir protected Path dataDir;
  protected Backend backend;

  @BeforeEach
  void startBackend() {
    backend = backend(dataDir);
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  @Test
  void a_python_algorithm_reads_its_datasets_and_parameters_and_its_output_is_published() {
    backend.inputs().datasets.put(Specs.DATASET, List.of("first dataset\n"));
    backend.inputs().datasets.put(Specs.SECOND_DATASET, List.of("second dataset\n"));
    JobId id =
        submit(
            Specs.python(READ_INPUTS)
                .dataset(Specs.SECOND_DATASET)
                .customData("threshold", "42")
                .build());

    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(job.exitCode()).contains(0);
    assertThat(statusesInOrder(job))
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
            tuple(0, ResultType.OUTPUT, "result.json"),
            tuple(1, ResultType.ALGORITHM_LOG, "algorithm.log"),
            tuple(2, ResultType.CONFIGURATION_LOG, "configuration.log"),
            tuple(3, ResultType.PUBLISH_LOG, "publish.log"));
    for (JobResult result : job.results()) {
      assertThat(content(id, result).getBytes(StandardCharsets.UTF_8))
          .hasSize((int) result.filesize());
    }
    JsonObject output = Json.createReader(new StringReader(output(id, "result.json"))).readObject();
    assertThat(output.getJsonObject("data").getString(Specs.DATASET.hex()))
        .isEqualTo("first dataset\n");
    assertThat(output.getJsonObject("data").getString(Specs.SECOND_DATASET.hex()))
        .isEqualTo("second dataset\n");
    assertThat(output.getJsonObject("params").getString("threshold")).isEqualTo("42");
    assertThat(log(id, ResultType.ALGORITHM_LOG)).isEqualTo("read 2 datasets\n");
  }

  @Test
  void node_and_sh_algorithms_run_with_their_runtimes() {
    JobId node =
        submit(
            Specs.node(
                    "require('fs').writeFileSync(process.env.OUTPUTS + '/out.txt', 'node ' +"
                        + " typeof process.version)")
                .build());
    JobId sh = submit(Specs.sh("ls \"$INPUTS\" > \"$OUTPUTS/out.txt\"").build());

    assertThat(awaitFinished(node).status()).isEqualTo(JobStatus.FINISHED);
    assertThat(output(node, "out.txt")).isEqualTo("node string");
    assertThat(awaitFinished(sh).status()).isEqualTo(JobStatus.FINISHED);
    assertThat(output(sh, "out.txt")).isEqualTo(Specs.DATASET.hex() + "\nalgoCustomData.json\n");
  }

  @Test
  void the_algorithm_sees_oceans_variables() {
    JobId id =
        submit(
            Specs.python(
                    """
                    import json, os
                    seen = {name: os.environ.get(name) for name in ("DIDS", "TRANSFORMATION_DID")}
                    seen["inputs"] = sorted(os.listdir(os.environ["INPUTS"]))
                    seen["outputs"] = os.path.isdir(os.environ["OUTPUTS"])
                    with open(os.path.join(os.environ["OUTPUTS"], "env.json"), "w") as out:
                        json.dump(seen, out)
                    """)
                .dataset(Specs.SECOND_DATASET)
                .build());

    assertThat(awaitFinished(id).status()).isEqualTo(JobStatus.FINISHED);
    JsonObject seen = Json.createReader(new StringReader(output(id, "env.json"))).readObject();
    assertThat(seen.getString("DIDS"))
        .isEqualTo(
            Json.createArrayBuilder()
                .add(Specs.DATASET.hex())
                .add(Specs.SECOND_DATASET.hex())
                .build()
                .toString());
    assertThat(seen.getString("TRANSFORMATION_DID")).isEqualTo(Specs.ALGORITHM.value());
    assertThat(seen.getJsonArray("inputs").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder(
            "algoCustomData.json", Specs.DATASET.hex(), Specs.SECOND_DATASET.hex());
    assertThat(seen.getBoolean("outputs")).isTrue();
  }

  @Test
  void every_status_is_recorded_once_in_the_ledger_for_everyone_concerned() {
    JobId id = submit(Specs.python("print('hi')").build());
    awaitFinished(id);

    String prefix = "job:" + id + ":";
    assertThat(backend.ledger().keys())
        .containsExactly(
            prefix + "submitted",
            prefix + "status:1",
            prefix + "status:20",
            prefix + "status:30",
            prefix + "status:40",
            prefix + "status:60",
            prefix + "status:70");
    AuditEvent finished = backend.ledger().event(prefix + "status:70");
    assertThat(finished.actor()).isEqualTo(backend.actor());
    assertThat(finished.kind()).isEqualTo("job-status");
    assertThat(finished.payload().getInt("status")).isEqualTo(70);
    assertThat(finished.payload().getString("statusText")).isEqualTo("Job finished");
    assertThat(finished.parties())
        .containsExactlyInAnyOrder(
            Specs.OWNER, Specs.VIEWER, Specs.PUBLISHER, Specs.ALGORITHM_PUBLISHER);
    assertThat(backend.ledger().repeats).hasValue(0);
  }

  @Test
  void a_failing_algorithm_ends_41_with_its_exit_code_and_its_stderr_in_the_log() {
    JobId id =
        submit(
            Specs.python("import sys\nsys.stderr.write('boom on stderr\\n')\nsys.exit(3)").build());

    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.ALGORITHM_FAILED);
    assertThat(job.exitCode()).contains(3);
    assertThat(job.message().orElse("")).contains("the algorithm exited with code 3");
    assertThat(log(id, ResultType.ALGORITHM_LOG)).contains("boom on stderr");
    assertThat(backend.ledger().event("job:" + id + ":status:41").payload().getInt("exitCode"))
        .isEqualTo(3);
  }

  @Test
  void a_stopped_job_ends_44_with_its_logs_published_and_the_live_log_follows_it()
      throws Exception {
    JobId id =
        submit(Specs.python("import time\nprint('started', flush=True)\ntime.sleep(600)").build());
    awaitStatus(id, JobStatus.RUNNING);
    Eventually.until("the live log", PATIENCE, () -> liveLog(id, 0).equals("started\n"));
    assertThat(liveLog(id, 3)).isEqualTo("rted\n");
    String environment = engine().find(id).orElseThrow().spec().environment();
    assertThat(engine().unfinishedJobs(environment)).isEqualTo(1);
    assertThat(engine().unfinishedJobs("elsewhere")).isZero();

    engine().requestStop(id);
    Job job = awaitFinished(id);
    assertThat(engine().unfinishedJobs(environment)).isZero();

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.stopRequested()).isTrue();
    assertThat(log(id, ResultType.ALGORITHM_LOG)).isEqualTo("started\n");
    assertThat(job.results()).extracting(JobResult::type).contains(ResultType.PUBLISH_LOG);
    assertThat(liveLog(id, 3)).isEqualTo("rted\n");
    assertThat(engine().openLiveLog(id, 8)).isEmpty();
  }

  @Test
  void a_job_stopped_before_its_algorithm_started_ends_44_without_running_it() {
    backend.inputs().gate = new CountDownLatch(1);
    JobId id = submit(Specs.python("open('/data/outputs/ran', 'w')").build());
    awaitStatus(id, JobStatus.CONFIGURING);

    engine().requestStop(id);
    backend.inputs().gate.countDown();
    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.timeline()).doesNotContainKey(JobStatus.RUNNING);
    assertThat(job.results())
        .extracting(JobResult::type)
        .containsExactly(ResultType.CONFIGURATION_LOG, ResultType.PUBLISH_LOG);
  }

  @Test
  void a_running_job_stopped_with_a_reason_ends_44_with_it_in_its_message_and_ledger() {
    JobId id =
        submit(Specs.python("import time\nprint('started', flush=True)\ntime.sleep(600)").build());
    awaitStatus(id, JobStatus.RUNNING);
    Eventually.until("the algorithm to run", PATIENCE, () -> liveLog(id, 0).equals("started\n"));

    engine().requestStop(id, Optional.of(REVOKED));
    engine().requestStop(id, Optional.of("a later reason"));
    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.stopRequested()).isTrue();
    assertThat(job.message()).contains(REVOKED);
    assertThat(log(id, ResultType.ALGORITHM_LOG)).isEqualTo("started\n");
    AuditEvent stopped = backend.ledger().event("job:" + id + ":status:44");
    assertThat(stopped.payload().getString("message")).isEqualTo(REVOKED);
  }

  @Test
  void a_configuring_job_stopped_with_a_reason_ends_44_with_it_without_running() {
    backend.inputs().gate = new CountDownLatch(1);
    JobId id = submit(Specs.python("open('/data/outputs/ran', 'w')").build());
    awaitStatus(id, JobStatus.CONFIGURING);

    engine().requestStop(id, Optional.of(REVOKED));
    backend.inputs().gate.countDown();
    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.message()).contains(REVOKED);
    assertThat(job.timeline()).doesNotContainKey(JobStatus.RUNNING);
  }

  @Test
  void a_job_the_provider_no_longer_admits_as_it_leaves_the_queue_ends_44_without_running() {
    // admitted before a revocation committed, stored after the revocation looked for its jobs
    backend.inputs().refusal = REVOKED;
    JobId id = submit(Specs.python("open('/data/outputs/ran', 'w')").build());

    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(job.message()).contains(REVOKED);
    assertThat(job.timeline()).doesNotContainKey(JobStatus.RUNNING);
    assertThat(job.results()).extracting(JobResult::type).doesNotContain(ResultType.OUTPUT);
    assertThat(backend.ledger().event("job:" + id + ":status:44").payload().getString("message"))
        .isEqualTo(REVOKED);
  }

  @Test
  void an_algorithm_past_its_deadline_ends_43_soon_after() {
    JobId id =
        submit(
            Specs.python("import time\ntime.sleep(600)")
                .maxDuration(Duration.ofSeconds(2))
                .build());

    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
    Duration ran =
        Duration.between(
            job.timeline().get(JobStatus.RUNNING), job.timeline().get(JobStatus.TIMED_OUT));
    assertThat(ran).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(2 + 10));
    assertThat(job.message().orElse(""))
        .contains("the algorithm ran longer than its maximum duration of 2 s");
  }

  @Test
  void a_dataset_that_cannot_be_provided_ends_31_without_saying_where_it_lives() {
    backend.inputs().failDatasets = true;
    JobId id = submit(Specs.python("print('never')").build());

    Job job = awaitFinished(id);

    assertThat(job.status()).isEqualTo(JobStatus.DATA_PROVISIONING_FAILED);
    assertThat(job.timeline()).doesNotContainKey(JobStatus.RUNNING);
    assertThat(job.message().orElse("")).contains("could not be provided");
    assertThat(job.results())
        .extracting(JobResult::type)
        .containsExactly(ResultType.CONFIGURATION_LOG, ResultType.PUBLISH_LOG);
    assertThat(job.message() + everything(id) + ledgerPayloads(id))
        .doesNotContain("/secret/internal/host");
  }

  /**
   * The server log says what failed, never where: a dataset's failure names its URL, the files
   * under the data directory and the host, and none of them reaches a log line or stack trace.
   */
  @Test
  void a_job_whose_dataset_fails_leaves_no_path_or_url_in_the_server_log() {
    Path upload = dataDir.resolve("uploads/3f/secret.csv");
    IOException failure =
        new IOException(
            "Server returned HTTP response code: 500 for URL: https://files.internal/share/a.csv",
            new UncheckedIOException(
                "copying into " + dataDir.resolve("engine"),
                new NoSuchFileException(upload.toString())));
    failure.addSuppressed(new UnknownHostException("files.internal"));
    backend.inputs().datasetFailure = failure;
    LogCapture log = LogCapture.of("org.cove");
    try {
      JobId id = submit(Specs.python("print('never')").build());

      assertThat(awaitFinished(id).status()).isEqualTo(JobStatus.DATA_PROVISIONING_FAILED);
    } finally {
      log.close();
    }

    assertThat(String.join("\n", log.lines()))
        .doesNotContain(dataDir.toString(), "files.internal", "://", "secret.csv");
  }

  @Test
  void only_finished_jobs_are_deleted() {
    JobId running = submit(Specs.python("import time\ntime.sleep(600)").build());
    awaitStatus(running, JobStatus.RUNNING);
    assertThatThrownBy(() -> engine().delete(running))
        .isInstanceOfSatisfying(
            CoveException.class, e -> assertThat(e.type().status()).isEqualTo(409));

    engine().requestStop(running);
    awaitFinished(running);
    engine().delete(running);

    assertThat(engine().find(running)).isEmpty();
    assertThat(engine().jobs()).extracting(Job::id).doesNotContain(running);
    assertThatThrownBy(() -> engine().openResult(running, 0))
        .isInstanceOfSatisfying(
            CoveException.class, e -> assertThat(e.type().status()).isEqualTo(404));
  }

  @Test
  void a_bad_result_index_is_not_found() {
    JobId id = submit(Specs.python("print('hi')").build());
    awaitFinished(id);

    assertThatThrownBy(() -> engine().openResult(id, 99))
        .isInstanceOfSatisfying(
            CoveException.class, e -> assertThat(e.type().status()).isEqualTo(404));
  }

  // --- helpers, through the SPI only ---

  protected ComputeEngine engine() {
    return backend.engine();
  }

  protected JobId submit(JobSpec spec) {
    JobId id = JobId.random();
    engine().submit(id, spec);
    return id;
  }

  protected Job job(JobId id) {
    return engine().find(id).orElseThrow();
  }

  /** Waits until the job ended, its end is in the ledger and the backend has settled it. */
  protected Job awaitFinished(JobId id) {
    Eventually.until(
        "job " + id + " to finish",
        PATIENCE,
        () -> {
          Job job = job(id);
          return job.finished()
              && backend.ledger().keys().contains("job:" + id + ":status:" + job.status().code())
              && backend.settled(id);
        });
    return job(id);
  }

  protected Job awaitStatus(JobId id, JobStatus status) {
    Eventually.until(
        "job " + id + " to reach " + status,
        PATIENCE,
        () -> job(id).timeline().containsKey(status));
    return job(id);
  }

  /** The statuses the job reached, in the order it reached them. */
  static List<JobStatus> statusesInOrder(Job job) {
    return job.timeline().entrySet().stream()
        .sorted(
            Map.Entry.<JobStatus, java.time.Instant>comparingByValue()
                .thenComparing(e -> e.getKey().code()))
        .map(Map.Entry::getKey)
        .toList();
  }

  protected String content(JobId id, JobResult result) {
    try (InputStream in = engine().openResult(id, result.index())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected String log(JobId id, ResultType type) {
    return content(
        id, job(id).results().stream().filter(r -> r.type() == type).findFirst().orElseThrow());
  }

  protected String output(JobId id, String filename) {
    return content(
        id,
        job(id).results().stream()
            .filter(r -> r.type() == ResultType.OUTPUT && r.filename().equals(filename))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no output " + filename)));
  }

  /** Every result's content, concatenated: for asserting what a consumer can never get. */
  protected String everything(JobId id) {
    StringBuilder all = new StringBuilder();
    job(id).results().forEach(r -> all.append(content(id, r)));
    return all.toString();
  }

  private String ledgerPayloads(JobId id) {
    StringBuilder all = new StringBuilder();
    backend.ledger().keys().stream()
        .filter(key -> key.startsWith("job:" + id + ":"))
        .forEach(key -> all.append(backend.ledger().event(key).payload()));
    return all.toString();
  }

  protected String liveLog(JobId id, long offset) {
    try {
      return engine()
          .openLiveLog(id, offset)
          .map(
              in -> {
                try (InputStream stream = in) {
                  return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
