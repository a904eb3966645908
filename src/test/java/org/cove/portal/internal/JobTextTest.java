package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.junit.jupiter.api.Test;

class JobTextTest {

  private static final Instant T0 = Instant.parse("2025-11-03T10:00:00Z");

  @Test
  void progress_grows_stage_by_stage_and_is_complete_at_any_end() {
    assertThat(JobText.progress(JobStatus.QUEUED))
        .isLessThan(JobText.progress(JobStatus.CONFIGURING));
    assertThat(JobText.progress(JobStatus.PROVISIONED))
        .isLessThan(JobText.progress(JobStatus.RUNNING));
    assertThat(JobText.progress(JobStatus.RUNNING))
        .isLessThan(JobText.progress(JobStatus.PUBLISHING))
        .isLessThan(1.0);
    assertThat(JobText.progress(JobStatus.FINISHED)).isEqualTo(1.0);
    assertThat(JobText.progress(JobStatus.DATA_PROVISIONING_FAILED)).isEqualTo(1.0);
  }

  @Test
  void remaining_time_counts_down_to_the_algorithm_deadline_only_while_it_runs() {
    Job running =
        job(
            JobStatus.RUNNING,
            Map.of(JobStatus.QUEUED, T0, JobStatus.RUNNING, T0.plusSeconds(10)),
            Optional.empty());

    assertThat(JobText.remaining(running, T0.plusSeconds(70))).contains(Duration.ofSeconds(540));
    assertThat(JobText.remaining(running, T0.plusSeconds(9999))).contains(Duration.ZERO);
    assertThat(JobText.remaining(job(JobStatus.QUEUED, Map.of(), Optional.empty()), T0)).isEmpty();
  }

  @Test
  void elapsed_time_stops_when_the_job_ends() {
    Job finished =
        job(JobStatus.FINISHED, Map.of(JobStatus.QUEUED, T0), Optional.of(T0.plusSeconds(75)));

    assertThat(JobText.elapsed(finished, T0.plusSeconds(5000))).isEqualTo(Duration.ofSeconds(75));
    assertThat(JobText.duration(Duration.ofSeconds(75))).isEqualTo("1 min 15 s");
    assertThat(JobText.duration(Duration.ofSeconds(3725))).isEqualTo("1 h 02 min");
    assertThat(JobText.duration(Duration.ofSeconds(9))).isEqualTo("9 s");
  }

  @Test
  void the_timeline_is_in_the_order_the_statuses_were_reached() {
    Job job =
        job(
            JobStatus.FINISHED,
            Map.of(
                JobStatus.FINISHED, T0.plusSeconds(3),
                JobStatus.QUEUED, T0,
                JobStatus.RUNNING, T0.plusSeconds(2),
                JobStatus.CONFIGURING, T0.plusSeconds(1)),
            Optional.of(T0.plusSeconds(3)));

    assertThat(JobText.timeline(job))
        .extracting(Map.Entry::getKey)
        .containsExactly(
            JobStatus.QUEUED, JobStatus.CONFIGURING, JobStatus.RUNNING, JobStatus.FINISHED);
  }

  @Test
  void a_failure_names_the_status_the_exit_code_and_the_message() {
    Job failed =
        new Job(
            new JobId("a".repeat(32)),
            spec(),
            JobStatus.ALGORITHM_FAILED,
            T0,
            Optional.of(T0),
            Map.of(),
            List.of(),
            false,
            Optional.of(2),
            Optional.of("the algorithm exited with an error"));

    assertThat(JobText.failure(failed))
        .contains("Failed to run algorithm · exit code 2 · the algorithm exited with an error");
    assertThat(JobText.failure(job(JobStatus.FINISHED, Map.of(), Optional.of(T0)))).isEmpty();
  }

  @Test
  void resources_read_as_amounts_without_needless_decimals() {
    assertThat(
            JobText.resources(
                List.of(
                    new JobSpec.ResourceAmount("cpu", 1), new JobSpec.ResourceAmount("ram", 0.5))))
        .isEqualTo("cpu 1, ram 0.5");
  }

  private static Job job(
      JobStatus status, Map<JobStatus, Instant> timeline, Optional<Instant> finished) {
    return new Job(
        new JobId("b".repeat(32)),
        spec(),
        status,
        T0,
        finished,
        timeline,
        List.of(),
        false,
        Optional.empty(),
        Optional.empty());
  }

  private static JobSpec spec() {
    Address owner = new Address("0x" + "1".repeat(40));
    return new JobSpec(
        owner,
        List.of(new JobSpec.Input(new Did("did:op:" + "c".repeat(64)), "compute", owner)),
        new JobSpec.Algorithm(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new JobSpec.Container("python", "3", "sha256:" + "d".repeat(64), "python3 $ALGO"),
            Optional.of("print(1)")),
        "local",
        List.of(new JobSpec.ResourceAmount("cpu", 1)),
        Duration.ofMinutes(10),
        JsonValue.EMPTY_JSON_OBJECT,
        Set.of(),
        false,
        false);
  }
}
