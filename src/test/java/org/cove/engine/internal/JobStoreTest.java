package org.cove.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir Path directory;

  @Test
  void listsUnfinishedJobsAsTheyStartEndAndAreDeleted() throws Exception {
    JobStore store = new JobStore(directory);
    JobSpec spec = Specs.python("pass").build();
    JobId running = JobId.random();
    JobId ended = JobId.random();
    store.create(running, spec, JobState.queued(NOW));
    store.create(ended, spec, JobState.queued(NOW));

    store.update(running, s -> s.moveTo(JobStatus.RUNNING, NOW));
    store.remember(ended, s -> s.moveTo(JobStatus.FINISHED, NOW));

    assertThat(store.ids(s -> true, true)).containsExactly(running);
    assertThat(store.unfinished(spec.environment())).isEqualTo(1);
    assertThat(store.unfinished("elsewhere")).isZero();
    assertThat(store.ids(s -> true, false)).containsExactlyInAnyOrder(running, ended);
    assertThat(store.ids(s -> false, true)).isEmpty();

    store.update(running, s -> s.moveTo(JobStatus.FINISHED, NOW));
    assertThat(store.ids(s -> true, true)).isEmpty();
    assertThat(store.unfinished(spec.environment())).isZero();
  }

  @Test
  void knowsWhichJobsAreUnfinishedAfterReadingThemFromDisk() throws Exception {
    JobStore before = new JobStore(directory);
    JobSpec spec = Specs.python("pass").build();
    JobId queued = JobId.random();
    JobId ended = JobId.random();
    before.create(queued, spec, JobState.queued(NOW));
    before.create(ended, spec, JobState.queued(NOW));
    before.update(ended, s -> s.moveTo(JobStatus.FINISHED, NOW));

    JobStore after = new JobStore(directory);
    after.load();

    assertThat(after.ids(s -> true, true)).containsExactly(queued);
    assertThat(after.unfinished(spec.environment())).isEqualTo(1);
    after.delete(ended);
    assertThat(after.ids(s -> true, false)).containsExactly(queued);
  }
}
