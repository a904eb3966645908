package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cove.engine.internal.core.Specs;
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
    store.create(running, spec, NOW);
    store.create(ended, spec, NOW);

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
  void aJobStoredButNeverChangedIsQueuedAfterARestart() throws Exception {
    JobStore before = new JobStore(directory);
    JobId id = JobId.random();
    before.create(id, Specs.python("pass").build(), NOW);
    assertThat(before.directory(id).resolve("state.json")).doesNotExist();

    JobStore after = new JobStore(directory);
    after.load();

    JobState state = after.state(id).orElseThrow();
    assertThat(state.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(state).isEqualTo(JobState.queued(NOW));
    assertThat(after.spec(id)).contains(Specs.python("pass").build());
  }

  @Test
  void dropsAJobWhoseSpecNeverReachedItsPlace() throws Exception {
    JobStore before = new JobStore(directory);
    JobId id = JobId.random();
    before.create(id, Specs.python("pass").build(), NOW);
    // a crash before the rename leaves the temporary file alone
    Files.move(
        before.directory(id).resolve("spec.json"), before.directory(id).resolve("spec.json.tmp"));

    JobStore after = new JobStore(directory);
    after.load();

    assertThat(after.state(id)).isEmpty();
    assertThat(before.directory(id)).doesNotExist();
  }

  @Test
  void knowsWhichJobsAreUnfinishedAfterReadingThemFromDisk() throws Exception {
    JobStore before = new JobStore(directory);
    JobSpec spec = Specs.python("pass").build();
    JobId queued = JobId.random();
    JobId ended = JobId.random();
    before.create(queued, spec, NOW);
    before.create(ended, spec, NOW);
    before.update(ended, s -> s.moveTo(JobStatus.FINISHED, NOW));

    JobStore after = new JobStore(directory);
    after.load();

    assertThat(after.ids(s -> true, true)).containsExactly(queued);
    assertThat(after.unfinished(spec.environment())).isEqualTo(1);
    after.delete(ended);
    assertThat(after.ids(s -> true, false)).containsExactly(queued);
  }
}
