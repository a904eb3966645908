package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import org.cove.operator.Job;
import org.cove.operator.JobResult;
import org.cove.operator.JobStatus;

/**
 * Jobs in ocean-node's shape (dates as epoch seconds in strings, {@code results} with index and
 * type, {@code terminationDetails}), plus Cove's timeline and message. Never a file location.
 */
final class JobJson {

  private JobJson() {}

  static JsonObject write(Job job, long storageExpirySeconds) {
    JsonArrayBuilder inputs = JSON.createArrayBuilder();
    job.spec().datasets().forEach(d -> inputs.add(d.did().value()));
    JsonArrayBuilder results = JSON.createArrayBuilder();
    for (JobResult r : job.results()) {
      results.add(
          JSON.createObjectBuilder()
              .add("index", r.index())
              .add("type", r.type().wireName())
              .add("filename", r.filename())
              .add("filesize", r.filesize()));
    }
    JsonArrayBuilder resources = JSON.createArrayBuilder();
    job.spec()
        .resources()
        .forEach(
            r ->
                resources.add(
                    JSON.createObjectBuilder().add("id", r.id()).add("amount", r.amount())));
    JsonArrayBuilder viewers = JSON.createArrayBuilder();
    job.spec().additionalViewers().forEach(v -> viewers.add(v.value()));
    JsonObjectBuilder timeline = JSON.createObjectBuilder();
    job.timeline().entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> timeline.add(String.valueOf(e.getKey().code()), seconds(e.getValue())));
    JsonObjectBuilder termination = JSON.createObjectBuilder().add("OOMKilled", false);
    job.exitCode().ifPresent(code -> termination.add("exitCode", code));
    Instant expires =
        job.dateFinished()
            .orElse(job.dateCreated().plus(job.spec().maxDuration()))
            .plusSeconds(storageExpirySeconds);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("jobId", job.id().value())
            .add("owner", job.spec().owner().value())
            .add("did", job.spec().datasets().get(0).did().value())
            .add("inputDID", inputs)
            .add("algoDID", job.spec().algorithm().label())
            .add("environment", job.spec().environment())
            .add("resources", resources)
            .add("maxJobDuration", job.spec().maxDuration().toSeconds())
            .add("status", job.status().code())
            .add("statusText", job.status().text())
            .add("dateCreated", seconds(job.dateCreated()))
            .add("stopRequested", job.stopRequested())
            .add("results", results)
            .add("additionalViewers", viewers)
            .add("timeline", timeline)
            .add("terminationDetails", termination)
            .add("expireTimestamp", expires.getEpochSecond());
    json.add(
        "dateFinished",
        job.dateFinished()
            .map(JobJson::seconds)
            .map(v -> (jakarta.json.JsonValue) JSON.createValue(v))
            .orElse(jakarta.json.JsonValue.NULL));
    job.algorithmStarted().ifPresent(t -> json.add("algoStartTimestamp", seconds(t)));
    job.timeline().entrySet().stream()
        .filter(e -> e.getKey() == JobStatus.PUBLISHING)
        .findFirst()
        .ifPresent(e -> json.add("algoStopTimestamp", seconds(e.getValue())));
    job.message().ifPresent(m -> json.add("message", m));
    return json.build();
  }

  /** Epoch seconds with milliseconds, as ocean-node writes job dates. */
  static String seconds(Instant instant) {
    long millis = instant.toEpochMilli();
    // 1000 + the milliseconds, without its leading 1: three digits, zero-padded (no Formatter)
    return millis / 1000 + "." + String.valueOf(1000 + millis % 1000).substring(1);
  }
}
