package org.cove.operator.spi;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;

/**
 * A job's history as the ledger records it, spelled here once for the registry (what the accounts
 * did: submit, stop, delete) and the engines (the submission of a job stored without payments, each
 * status reached). Every entry is kept once under its key, {@code job:<id>:<mark>}, however often
 * it is recorded; the local engine keeps the marks it recorded in its state files. Existing ledgers
 * and state files hold these strings: they never change.
 */
public final class JobAudit {

  /** The submission's mark: the consumer's act, whoever records it. */
  public static final String SUBMITTED = "submitted";

  private JobAudit() {}

  /** Every key of the job starts so. */
  public static String keyPrefix(JobId id) {
    return "job:" + id.value() + ":";
  }

  public static String key(JobId id, String mark) {
    return keyPrefix(id) + mark;
  }

  /** The mark of a status reached: {@code status:<code>}. */
  public static String statusMark(JobStatus status) {
    return "status:" + status.code();
  }

  public static String submittedKey(JobId id) {
    return key(id, SUBMITTED);
  }

  public static String stopKey(JobId id) {
    return key(id, "stop");
  }

  public static String deletedKey(JobId id) {
    return key(id, "deleted");
  }

  public static String revokedKey(JobId id) {
    return key(id, "revoked");
  }

  public static AuditEvent submitted(JobId id, JobSpec spec) {
    return new AuditEvent(
        spec.owner(), "job-submitted", id.value(), describe(id, spec), parties(spec));
  }

  /** The owner asked a running job to stop. */
  public static AuditEvent stopRequested(Address owner, JobId id, JobSpec spec) {
    return new AuditEvent(owner, "job-stop-requested", id.value(), idOnly(id), parties(spec));
  }

  /**
   * What {@code by} changed (an approval revoked, an asset disabled, a dataset's permissions
   * narrowed) means the job may no longer run: it is refused if queued, stopped if running, and
   * ends with {@code reason} as its message.
   */
  public static AuditEvent revoked(Address by, JobId id, JobSpec spec, String reason) {
    JsonObject payload =
        JSON.createObjectBuilder().add("jobId", id.value()).add("reason", reason).build();
    return new AuditEvent(by, "job-revoked", id.value(), payload, parties(spec));
  }

  /** The owner deleted a finished job and its results. */
  public static AuditEvent deleted(Address owner, JobId id, JobSpec spec) {
    return new AuditEvent(owner, "job-deleted", id.value(), idOnly(id), parties(spec));
  }

  /** A reader downloaded one result; downloads are not keyed: each one is an entry. */
  public static AuditEvent resultDownloaded(
      Address reader, JobId id, JobSpec spec, JobResult result) {
    JsonObject payload =
        JSON.createObjectBuilder()
            .add("jobId", id.value())
            .add("index", result.index())
            .add("type", result.type().wireName())
            .add("filename", result.filename())
            .add("filesize", result.filesize())
            .build();
    return new AuditEvent(reader, "job-result-downloaded", id.value(), payload, parties(spec));
  }

  private static JsonObject idOnly(JobId id) {
    return JSON.createObjectBuilder().add("jobId", id.value()).build();
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
    return new AuditEvent(engine, "job-status", id.value(), payload.build(), parties(spec));
  }

  /** The owner, whoever may read the results, and the publishers of what the job used. */
  public static Set<Address> parties(JobSpec spec) {
    Set<Address> parties = new HashSet<>(spec.additionalViewers());
    parties.add(spec.owner());
    spec.datasets().forEach(d -> parties.add(d.publisher()));
    spec.algorithm().publisher().ifPresent(parties::add);
    return parties;
  }

  private static JsonObject describe(JobId id, JobSpec spec) {
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    spec.datasets()
        .forEach(
            d ->
                datasets.add(
                    JSON.createObjectBuilder()
                        .add("did", d.did().value())
                        .add("serviceId", d.serviceId())));
    JsonObjectBuilder resources = JSON.createObjectBuilder();
    spec.resources().forEach(r -> resources.add(r.id(), r.amount()));
    return JSON.createObjectBuilder()
        .add("jobId", id.value())
        .add("owner", spec.owner().value())
        .add("datasets", datasets)
        .add("algorithm", spec.algorithm().label())
        .add("environment", spec.environment())
        .add("resources", resources)
        .add("maxJobDuration", spec.maxDuration().toSeconds())
        .add("allowNetwork", spec.allowNetwork())
        .build();
  }
}
