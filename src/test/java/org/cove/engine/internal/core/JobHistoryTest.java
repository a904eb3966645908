package org.cove.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.JobAudit;
import org.cove.shared.Address;
import org.junit.jupiter.api.Test;

/**
 * The job history's keys and marks are in existing ledgers and state files: these are the strings
 * they hold, byte for byte.
 */
class JobHistoryTest {

  static final Address ENGINE = new Address("0x" + "9".repeat(40));
  static final JobId ID = new JobId("0123456789abcdef0123456789abcdef");

  final FakeAuditTrail ledger = new FakeAuditTrail();
  final JobHistory history = new JobHistory(ledger, ENGINE);

  @Test
  void a_jobs_entries_are_its_submission_then_each_status_in_the_order_reached() {
    List<JobHistory.Entry> entries =
        history.entries(
            ID,
            Specs.python("1").build(),
            List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.ALGORITHM_FAILED),
            Optional.of(3),
            Optional.of("the algorithm exited with 3"));

    assertThat(entries)
        .extracting(JobHistory.Entry::mark)
        .containsExactly("submitted", "status:1", "status:40", "status:41");
    assertThat(entries)
        .extracting(JobHistory.Entry::key)
        .containsExactly(
            "job:0123456789abcdef0123456789abcdef:submitted",
            "job:0123456789abcdef0123456789abcdef:status:1",
            "job:0123456789abcdef0123456789abcdef:status:40",
            "job:0123456789abcdef0123456789abcdef:status:41");
  }

  @Test
  void the_accounts_acts_have_keys_of_their_own() {
    assertThat(JobAudit.stopKey(ID)).isEqualTo("job:0123456789abcdef0123456789abcdef:stop");
    assertThat(JobAudit.deletedKey(ID)).isEqualTo("job:0123456789abcdef0123456789abcdef:deleted");
    assertThat(JobHistory.isKeyOf(ID, JobAudit.stopKey(ID))).isTrue();
    assertThat(JobHistory.isKeyOf(JobId.random(), JobAudit.stopKey(ID))).isFalse();
  }

  @Test
  void the_exit_code_and_message_go_with_the_ending_only() {
    List<JobHistory.Entry> entries =
        history.entries(
            ID,
            Specs.python("1").build(),
            List.of(JobStatus.RUNNING, JobStatus.ALGORITHM_FAILED),
            Optional.of(3),
            Optional.of("exited with 3"));

    history.recordAll(entries);

    assertThat(ledger.event(entries.get(1).key()).payload().containsKey("exitCode")).isFalse();
    assertThat(ledger.event(entries.get(2).key()).payload().getInt("exitCode")).isEqualTo(3);
    assertThat(ledger.event(entries.get(2).key()).payload().getString("message"))
        .isEqualTo("exited with 3");
    assertThat(ledger.event(entries.get(2).key()).actor()).isEqualTo(ENGINE);
  }
}
