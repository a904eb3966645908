package org.cove.engine.internal.local;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * The JSON of {@code spec.json} and {@code state.json}, written by hand so the files stay stable.
 */
final class JobJson {

  private JobJson() {}

  static JsonObject spec(JobSpec spec) {
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    for (JobSpec.Input input : spec.datasets()) {
      datasets.add(
          JSON.createObjectBuilder()
              .add("did", input.did().value())
              .add("serviceId", input.serviceId())
              .add("publisher", input.publisher().value()));
    }
    JobSpec.Algorithm algorithm = spec.algorithm();
    JobSpec.Container container = algorithm.container();
    JsonObjectBuilder algo =
        JSON.createObjectBuilder()
            .add(
                "container",
                JSON.createObjectBuilder()
                    .add("image", container.image())
                    .add("tag", container.tag())
                    .add("checksum", container.checksum())
                    .add("entrypoint", container.entrypoint()));
    algorithm.did().ifPresent(did -> algo.add("did", did.value()));
    algorithm.serviceId().ifPresent(id -> algo.add("serviceId", id));
    algorithm.publisher().ifPresent(p -> algo.add("publisher", p.value()));
    algorithm.rawCode().ifPresent(code -> algo.add("rawCode", code));
    JsonArrayBuilder resources = JSON.createArrayBuilder();
    spec.resources()
        .forEach(
            r ->
                resources.add(
                    JSON.createObjectBuilder().add("id", r.id()).add("amount", r.amount())));
    JsonArrayBuilder viewers = JSON.createArrayBuilder();
    spec.additionalViewers().stream().map(Address::value).sorted().forEach(viewers::add);
    return JSON.createObjectBuilder()
        .add("owner", spec.owner().value())
        .add("datasets", datasets)
        .add("algorithm", algo)
        .add("environment", spec.environment())
        .add("resources", resources)
        .add("maxDurationSeconds", spec.maxDuration().toSeconds())
        .add("algoCustomData", spec.algoCustomData())
        .add("additionalViewers", viewers)
        .add("allowNetwork", spec.allowNetwork())
        .add("publishOutput", spec.publishOutput())
        .build();
  }

  static JobSpec spec(JsonObject json) {
    List<JobSpec.Input> datasets =
        json.getJsonArray("datasets").getValuesAs(JsonObject.class).stream()
            .map(
                d ->
                    new JobSpec.Input(
                        new Did(d.getString("did")),
                        d.getString("serviceId"),
                        new Address(d.getString("publisher"))))
            .toList();
    JsonObject algo = json.getJsonObject("algorithm");
    JsonObject c = algo.getJsonObject("container");
    JobSpec.Algorithm algorithm =
        new JobSpec.Algorithm(
            optional(algo, "did", Did::new),
            optional(algo, "serviceId", Function.identity()),
            optional(algo, "publisher", Address::new),
            new JobSpec.Container(
                c.getString("image"),
                c.getString("tag"),
                c.getString("checksum"),
                c.getString("entrypoint")),
            optional(algo, "rawCode", Function.identity()));
    List<JobSpec.ResourceAmount> resources =
        json.getJsonArray("resources").getValuesAs(JsonObject.class).stream()
            .map(
                r ->
                    new JobSpec.ResourceAmount(
                        r.getString("id"), r.getJsonNumber("amount").doubleValue()))
            .toList();
    Set<Address> viewers = new LinkedHashSet<>();
    json.getJsonArray("additionalViewers")
        .getValuesAs(jakarta.json.JsonString.class)
        .forEach(v -> viewers.add(new Address(v.getString())));
    return new JobSpec(
        new Address(json.getString("owner")),
        datasets,
        algorithm,
        json.getString("environment"),
        resources,
        Duration.ofSeconds(json.getJsonNumber("maxDurationSeconds").longValue()),
        json.getJsonObject("algoCustomData"),
        viewers,
        json.getBoolean("allowNetwork"),
        json.getBoolean("publishOutput"));
  }

  static JsonObject state(JobState state) {
    JsonArrayBuilder timeline = JSON.createArrayBuilder();
    state
        .timeline()
        .forEach(
            (status, at) ->
                timeline.add(
                    JSON.createObjectBuilder()
                        .add("status", status.code())
                        .add("at", at.toString())));
    JsonArrayBuilder results = JSON.createArrayBuilder();
    for (JobResult r : state.results()) {
      results.add(
          JSON.createObjectBuilder()
              .add("index", r.index())
              .add("type", r.type().wireName())
              .add("filename", r.filename())
              .add("filesize", r.filesize()));
    }
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("status", state.status().code())
            .add("timeline", timeline)
            .add("dateCreated", state.dateCreated().toString())
            .add("results", results)
            .add("stopRequested", state.stopRequested())
            .add("ledgered", JSON.createArrayBuilder(List.copyOf(state.ledgered())));
    state.stopReason().ifPresent(why -> json.add("stopReason", why));
    state.dateFinished().ifPresent(at -> json.add("dateFinished", at.toString()));
    state.exitCode().ifPresent(code -> json.add("exitCode", code));
    state.message().ifPresent(text -> json.add("message", text));
    state.outcome().ifPresent(end -> json.add("outcome", end.code()));
    return json.build();
  }

  static JobState state(JsonObject json) {
    Map<JobStatus, Instant> timeline = new LinkedHashMap<>();
    for (JsonObject entry : json.getJsonArray("timeline").getValuesAs(JsonObject.class)) {
      timeline.put(status(entry.getInt("status")), Instant.parse(entry.getString("at")));
    }
    List<JobResult> results =
        json.getJsonArray("results").getValuesAs(JsonObject.class).stream()
            .map(
                r ->
                    new JobResult(
                        r.getInt("index"),
                        type(r.getString("type")),
                        r.getString("filename"),
                        r.getJsonNumber("filesize").longValue()))
            .toList();
    Set<String> ledgered = new LinkedHashSet<>();
    json.getJsonArray("ledgered")
        .getValuesAs(jakarta.json.JsonString.class)
        .forEach(k -> ledgered.add(k.getString()));
    return new JobState(
        status(json.getInt("status")),
        timeline,
        Instant.parse(json.getString("dateCreated")),
        optional(json, "dateFinished", Instant::parse),
        results,
        json.getBoolean("stopRequested"),
        // absent from the state files of engines that knew no reasons
        optional(json, "stopReason", Function.identity()),
        json.containsKey("exitCode") ? Optional.of(json.getInt("exitCode")) : Optional.empty(),
        optional(json, "message", Function.identity()),
        json.containsKey("outcome")
            ? Optional.of(status(json.getInt("outcome")))
            : Optional.empty(),
        ledgered);
  }

  private static JobStatus status(int code) {
    return JobStatus.ofCode(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown status " + code));
  }

  private static ResultType type(String wireName) {
    for (ResultType type : ResultType.values()) {
      if (type.wireName().equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown result type " + wireName);
  }

  private static <T> Optional<T> optional(JsonObject json, String key, Function<String, T> parse) {
    JsonValue value = json.get(key);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? Optional.empty()
        : Optional.of(parse.apply(json.getString(key)));
  }
}
