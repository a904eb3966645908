package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.cove.engine.internal.core.EngineScenarios;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine's own behaviour: slots, sandbox paths, its log wording. What every engine does
 * alike is in {@link EngineScenarios}, run here by {@link LocalEngineScenariosTest}.
 */
class LocalEngineJobsTest {

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

  /**
   * What only this engine shows of a job that ran (the shared outcome is in {@link
   * LocalEngineScenariosTest}): the configuration log accounts for each input, the algorithm runs
   * in the sandbox's /data/outputs, the publish log names the outputs, the inputs go afterwards.
   */
  @Test
  void the_logs_account_for_each_input_and_output_and_the_sandbox_works_in_data_outputs() {
    fixture.inputs.datasets.put(Specs.DATASET, List.of("first dataset\n"));
    fixture.inputs.datasets.put(Specs.SECOND_DATASET, List.of("second dataset\n"));
    JobId id =
        fixture.submit(
            Specs.python(EngineScenarios.READ_INPUTS).dataset(Specs.SECOND_DATASET).build());

    assertThat(fixture.awaitFinished(id).status()).isEqualTo(JobStatus.FINISHED);
    JsonObject output =
        Json.createReader(new StringReader(fixture.output(id, "result.json"))).readObject();
    assertThat(output.getString("cwd")).isEqualTo("/data/outputs");
    assertThat(fixture.log(id, ResultType.CONFIGURATION_LOG))
        .contains("dataset " + Specs.DATASET + ": 1 file(s), 14 bytes")
        .contains("dataset " + Specs.SECOND_DATASET + ": 1 file(s), 15 bytes")
        .doesNotContain(dataDir.toString());
    assertThat(fixture.log(id, ResultType.PUBLISH_LOG)).contains("output result.json");
    assertThat(fixture.jobDirectory(id).resolve("data")).doesNotExist();
  }

  @Test
  void a_dataset_that_cannot_be_provided_is_named_in_the_configuration_log() {
    fixture.inputs.failDatasets = true;
    JobId id = fixture.submit(Specs.python("print('never')").build());

    assertThat(fixture.awaitFinished(id).status()).isEqualTo(JobStatus.DATA_PROVISIONING_FAILED);
    assertThat(fixture.log(id, ResultType.CONFIGURATION_LOG))
        .contains(
            "dataset " + Specs.DATASET + " could not be provided: the provider could not read it")
        .doesNotContain("/secret/internal/host");
  }

  @Test
  void a_deleted_job_leaves_no_directory() {
    JobId id = fixture.submit(Specs.python("print('hi')").build());
    fixture.awaitFinished(id);

    fixture.engine.delete(id);

    assertThat(fixture.jobDirectory(id)).doesNotExist();
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
}
