package org.cove.engine.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import org.cove.operator.JobAudit;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;

/**
 * The ledger entries an engine writes for a job, the same for both backends: the submission and
 * each status reached, each under its own key ({@code job:<id>:submitted}, {@code
 * job:<id>:status:<code>}) so that it is recorded once however often it is observed.
 */
public final class LedgerEvents {

  public static final String SUBMITTED = "submitted";

  private LedgerEvents() {}

  public static String key(JobId id, String suffix) {
    return "job:" + id.value() + ":" + suffix;
  }

  public static String statusKey(JobStatus status) {
    return "status:" + status.code();
  }

  /** A status reached; the exit code and explanation belong to the status the job ended with. */
  public static AuditEvent status(
      Address engine,
      JobId id,
      JobSpec spec,
      JobStatus status,
      Optional<Integer> exitCode,
      Optional<String> message) {
    JsonObjectBuilder payload =
        JSON.createObjectBuilder()
            .add("jobId", id.value())
            .add("status", status.code())
            .add("statusText", status.text());
    if (status.terminal()) {
      exitCode.ifPresent(code -> payload.add("exitCode", code));
      message.ifPresent(text -> payload.add("message", text));
    }
    return new AuditEvent(
        engine, "job-status", id.value(), payload.build(), JobAudit.parties(spec));
  }
}
