package org.cove.engine.internal.kubernetes;

import static org.cove.shared.Jsons.JSON;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * Translates between the operator's records and the {@link ComputeJob} resource: a {@link JobSpec}
 * becomes the resource's spec, and a resource (spec and status) reads back as a {@link Job}.
 */
final class ComputeJobs {

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  private ComputeJobs() {}

  static ComputeJob resource(JobId id, JobSpec spec, Instant submitted) {
    ComputeJob job = new ComputeJob();
    job.setMetadata(
        new ObjectMetaBuilder()
            .withName(id.value())
            .withLabels(JobNames.labels(id, spec.owner().value()))
            .build());
    job.setSpec(spec(spec, submitted));
    return job;
  }

  static ComputeJobSpec spec(JobSpec spec, Instant submitted) {
    ComputeJobSpec out = new ComputeJobSpec();
    out.owner = spec.owner().value();
    for (JobSpec.Input input : spec.datasets()) {
      ComputeJobSpec.Dataset dataset = new ComputeJobSpec.Dataset();
      dataset.did = input.did().value();
      dataset.serviceId = input.serviceId();
      dataset.publisher = input.publisher().value();
      out.datasets.add(dataset);
    }
    JobSpec.Algorithm algorithm = spec.algorithm();
    out.algorithm = new ComputeJobSpec.Algorithm();
    out.algorithm.did = algorithm.did().map(Did::value).orElse(null);
    out.algorithm.serviceId = algorithm.serviceId().orElse(null);
    out.algorithm.publisher = algorithm.publisher().map(Address::value).orElse(null);
    out.algorithm.rawCode = algorithm.rawCode().orElse(null);
    out.algorithm.container = new ComputeJobSpec.Container();
    out.algorithm.container.image = algorithm.container().image();
    out.algorithm.container.tag = algorithm.container().tag();
    out.algorithm.container.checksum = algorithm.container().checksum();
    out.algorithm.container.entrypoint = algorithm.container().entrypoint();
    out.environment = spec.environment();
    for (JobSpec.ResourceAmount amount : spec.resources()) {
      ComputeJobSpec.Resource resource = new ComputeJobSpec.Resource();
      resource.id = amount.id();
      resource.amount = amount.amount();
      out.resources.add(resource);
    }
    out.maxDurationSeconds = spec.maxDuration().toSeconds();
    out.parameters = spec.algoCustomData().toString();
    out.additionalViewers = spec.additionalViewers().stream().map(Address::value).sorted().toList();
    out.publishOutput = spec.publishOutput();
    out.allowNetwork = spec.allowNetwork();
    out.submittedAt = submitted.toString();
    return out;
  }

  static JobSpec spec(ComputeJobSpec spec) {
    List<JobSpec.Input> datasets =
        spec.datasets.stream()
            .map(d -> new JobSpec.Input(new Did(d.did), d.serviceId, new Address(d.publisher)))
            .toList();
    ComputeJobSpec.Algorithm a = spec.algorithm;
    JobSpec.Algorithm algorithm =
        new JobSpec.Algorithm(
            Optional.ofNullable(a.did).map(Did::new),
            Optional.ofNullable(a.serviceId),
            Optional.ofNullable(a.publisher).map(Address::new),
            new JobSpec.Container(
                a.container.image, a.container.tag, a.container.checksum, a.container.entrypoint),
            Optional.ofNullable(a.rawCode));
    return new JobSpec(
        new Address(spec.owner),
        datasets,
        algorithm,
        spec.environment,
        spec.resources.stream().map(r -> new JobSpec.ResourceAmount(r.id, r.amount)).toList(),
        Duration.ofSeconds(spec.maxDurationSeconds),
        parameters(spec.parameters),
        spec.additionalViewers.stream().map(Address::new).collect(Collectors.toSet()),
        spec.allowNetwork,
        spec.publishOutput);
  }

  static JsonObject parameters(String json) {
    if (json == null || json.isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static Job job(ComputeJob resource) {
    JobId id = new JobId(resource.getMetadata().getName());
    ComputeJobStatus status = Optional.ofNullable(resource.getStatus()).orElse(null);
    JobStatus current = status(resource);
    Map<JobStatus, Instant> timeline = timeline(status);
    Instant created = submitted(resource);
    return new Job(
        id,
        spec(resource.getSpec()),
        current,
        created,
        current.terminal() ? Optional.ofNullable(timeline.get(current)) : Optional.empty(),
        timeline,
        status == null ? List.of() : results(status),
        resource.getSpec().stopRequested,
        Optional.ofNullable(status == null ? null : status.exitCode),
        Optional.ofNullable(status == null ? null : status.message));
  }

  /** The attempt the job's stage pods belong to: 1 until the status says otherwise. */
  static int attempt(ComputeJob job) {
    return job.getStatus() == null || job.getStatus().attempt == 0 ? 1 : job.getStatus().attempt;
  }

  static JobStatus status(ComputeJob resource) {
    ComputeJobStatus status = resource.getStatus();
    return status == null || status.statusCode == 0
        ? JobStatus.QUEUED
        : JobStatus.ofCode(status.statusCode).orElse(JobStatus.QUEUED);
  }

  static Instant submitted(ComputeJob resource) {
    String at = resource.getSpec().submittedAt;
    if (at != null) {
      return Instant.parse(at);
    }
    String created = resource.getMetadata().getCreationTimestamp();
    return created == null ? Instant.EPOCH : Instant.parse(created);
  }

  static Map<JobStatus, Instant> timeline(ComputeJobStatus status) {
    Map<JobStatus, Instant> timeline = new LinkedHashMap<>();
    if (status != null) {
      status.timeline.forEach(
          (code, at) ->
              JobStatus.ofCode(Integer.parseInt(code))
                  .ifPresent(s -> timeline.put(s, Instant.parse(at))));
    }
    return timeline;
  }

  private static List<JobResult> results(ComputeJobStatus status) {
    return status.results.stream()
        .sorted(Comparator.comparingInt(r -> r.index))
        .map(r -> new JobResult(r.index, type(r.type), r.filename, r.filesize))
        .toList();
  }

  static ResultType type(String wireName) {
    for (ResultType type : ResultType.values()) {
      if (type.wireName().equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown result type " + wireName);
  }

  /** The algorithm's image pinned by its digest, or empty when the checksum is not a digest. */
  static Optional<String> pinnedImage(JobSpec.Container container) {
    String checksum = container.checksum() == null ? "" : container.checksum().trim();
    if (!DIGEST.matcher(checksum).matches()) {
      return Optional.empty();
    }
    String image = container.image().trim();
    String tag = container.tag() == null ? "" : container.tag().trim();
    return Optional.of(image + (tag.isEmpty() ? "" : ":" + tag) + "@" + checksum);
  }

  static Optional<String> pinnedImage(ComputeJobSpec.Container c) {
    return pinnedImage(new JobSpec.Container(c.image, c.tag, c.checksum, c.entrypoint));
  }

  /** The ids of the datasets, as the algorithm's {@code DIDS} variable lists them. */
  static String dids(ComputeJobSpec spec) {
    // the hex part only, as Ocean's algorithms expect and as the inputs' directories are named
    return spec.datasets.stream()
        .map(d -> "\"" + new Did(d.did).hex() + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
