package org.cove.operator;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.Set;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;

/**
 * A job's submission as the ledger records it, the same whoever records it: the operator, in the
 * transaction that stores the job's payments, or the engine, right after it stored a free job (and
 * again at start-up if it could not). Either way it is the consumer's act, under one key.
 */
public final class JobAudit {

  private JobAudit() {}

  public static String submittedKey(JobId id) {
    return "job:" + id.value() + ":submitted";
  }

  public static AuditEvent submitted(JobId id, JobSpec spec) {
    return new AuditEvent(
        spec.owner(), "job-submitted", id.value(), describe(id, spec), parties(spec));
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
