package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.JobId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageExpiryTest {

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
  void a_finished_job_is_deleted_once_its_environments_storage_expiry_has_passed() {
    fixture.storageExpirySeconds = 3600;
    JobId id = fixture.submit(Specs.python("print('hi')").build());
    fixture.awaitFinished(id);

    fixture.clock.advance(Duration.ofMinutes(59));
    fixture.engine.sweepExpired();
    assertThat(fixture.engine.find(id)).isPresent();

    fixture.clock.advance(Duration.ofMinutes(2));
    fixture.engine.sweepExpired();
    assertThat(fixture.engine.find(id)).isEmpty();
    assertThat(fixture.jobDirectory(id)).doesNotExist();
  }

  @Test
  void without_a_storage_expiry_results_are_kept_seven_days() {
    fixture.storageExpirySeconds = 0;
    JobId id = fixture.submit(Specs.python("print('hi')").build());
    fixture.awaitFinished(id);

    fixture.clock.advance(Duration.ofDays(6));
    fixture.engine.sweepExpired();
    assertThat(fixture.engine.find(id)).isPresent();

    fixture.clock.advance(Duration.ofDays(1).plusMinutes(1));
    fixture.engine.sweepExpired();
    assertThat(fixture.engine.find(id)).isEmpty();
  }

  @Test
  void unfinished_jobs_are_never_expired() {
    JobId id = fixture.submit(Specs.python("import time\ntime.sleep(600)").build());
    fixture.awaitStatus(id, org.cove.operator.JobStatus.RUNNING);

    fixture.clock.advance(Duration.ofDays(30));
    fixture.engine.sweepExpired();

    assertThat(fixture.engine.find(id)).isPresent();
    fixture.engine.requestStop(id);
    fixture.awaitFinished(id);
  }
}
