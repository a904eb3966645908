package org.cove.api.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.JobSpec;
import org.cove.provider.ComputeRequest;
import org.cove.provider.Container;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;

/**
 * Reads compute requests in the shape ocean.js sends them: {@code datasets} (or {@code dataset}
 * plus {@code additionalDatasets}), {@code algorithm} with {@code documentId} or {@code meta}
 * (rawcode and container) and {@code algocustomdata}, {@code environment}, {@code resources} (or
 * {@code payment.resources}), {@code maxJobDuration}, {@code additionalViewers}; the transactions
 * that paid priced items as {@code transferTxId} of each dataset, of the algorithm, and of {@code
 * payment} (the environment's fee).
 */
final class ComputeRequests {

  private ComputeRequests() {}

  /** The request body as an object; anything else (an array, a number, nothing) is a 400. */
  static JsonObject body(JsonValue body) {
    if (!(body instanceof JsonObject object)) {
      throw new InvalidInputException("the body must be a JSON object");
    }
    return object;
  }

  static ComputeRequest read(JsonObject body, Address consumer, boolean free) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    return new ComputeRequest(
        consumer,
        datasets(body),
        algorithm(object(body, "algorithm").orElseThrow(() -> required("algorithm"))),
        string(body, "environment").orElseThrow(() -> required("environment")),
        resources(body),
        maxJobDuration(body),
        object(body, "algorithm")
            .flatMap(a -> object(a, "algocustomdata"))
            .orElse(JsonValue.EMPTY_JSON_OBJECT),
        viewers(body),
        free,
        body.get("publishOutput") == JsonValue.TRUE,
        object(body, "payment").flatMap(p -> string(p, "transferTxId")));
  }

  private static List<ComputeRequest.DatasetRef> datasets(JsonObject body) {
    List<JsonValue> values = new ArrayList<>();
    if (body.get("datasets") instanceof JsonArray array && !array.isEmpty()) {
      values.addAll(array);
    } else {
      object(body, "dataset").ifPresent(values::add);
      if (body.get("additionalDatasets") instanceof JsonArray more) {
        values.addAll(more);
      }
    }
    if (values.isEmpty()) {
      throw required("datasets");
    }
    List<ComputeRequest.DatasetRef> refs = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof JsonObject dataset)) {
        throw new InvalidInputException("datasets[" + i + "] must be an object");
      }
      String did =
          string(dataset, "documentId").orElseThrow(() -> required("datasets[].documentId"));
      String serviceId =
          string(dataset, "serviceId").orElseThrow(() -> required("datasets[].serviceId"));
      refs.add(
          new ComputeRequest.DatasetRef(
              Did.parse(did), serviceId, string(dataset, "transferTxId")));
    }
    return refs;
  }

  private static ComputeRequest.AlgorithmRef algorithm(JsonObject algorithm) {
    Optional<String> did = string(algorithm, "documentId");
    if (did.isPresent()) {
      return new ComputeRequest.AlgorithmRef(
          Optional.of(Did.parse(did.get())),
          string(algorithm, "serviceId"),
          Optional.empty(),
          string(algorithm, "transferTxId"));
    }
    JsonObject meta =
        object(algorithm, "meta")
            .orElseThrow(() -> new InvalidInputException("algorithm needs documentId or meta"));
    JsonObject container =
        object(meta, "container").orElseThrow(() -> required("algorithm.meta.container"));
    String code =
        string(meta, "rawcode")
            .orElseThrow(
                () -> new InvalidInputException("algorithm.meta.rawcode is required for raw code"));
    return new ComputeRequest.AlgorithmRef(
        Optional.empty(),
        Optional.empty(),
        Optional.of(
            new ComputeRequest.RawAlgorithm(
                new Container(
                    string(container, "entrypoint")
                        .orElseThrow(() -> required("algorithm.meta.container.entrypoint")),
                    string(container, "image")
                        .orElseThrow(() -> required("algorithm.meta.container.image")),
                    string(container, "tag").orElse("latest"),
                    string(container, "checksum").orElse("")),
                code)));
  }

  private static List<JobSpec.ResourceAmount> resources(JsonObject body) {
    JsonValue value = body.get("resources");
    if (!(value instanceof JsonArray)) {
      value = object(body, "payment").map(p -> p.get("resources")).orElse(null);
    }
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    List<JobSpec.ResourceAmount> resources = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonObject resource)
          || !(resource.get("amount") instanceof JsonNumber amount)) {
        throw new InvalidInputException("resources are [{id, amount}] with a numeric amount");
      }
      resources.add(
          new JobSpec.ResourceAmount(
              string(resource, "id").orElseThrow(() -> required("resources[].id")),
              amount.doubleValue()));
    }
    return resources;
  }

  private static Optional<Long> maxJobDuration(JsonObject body) {
    JsonValue value = body.get("maxJobDuration");
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonNumber n && n.doubleValue() >= 0 && n.doubleValue() < 1e12) {
      return Optional.of((long) Math.ceil(n.doubleValue()));
    }
    if (value instanceof JsonString s) {
      try {
        return Optional.of(Long.parseLong(s.getString().trim()));
      } catch (NumberFormatException e) {
        // fall through to the refusal below
      }
    }
    throw new InvalidInputException("maxJobDuration must be a number of seconds");
  }

  private static Set<Address> viewers(JsonObject body) {
    Set<Address> viewers = new LinkedHashSet<>();
    if (body.get("additionalViewers") instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (!(v instanceof JsonString s)) {
          throw new InvalidInputException("additionalViewers are addresses");
        }
        viewers.add(Address.parse(s.getString()));
      }
    }
    return viewers;
  }

  static Optional<JsonObject> object(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject object)) {
      throw new InvalidInputException(field + " must be an object");
    }
    return Optional.of(object);
  }

  static Optional<String> string(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return Optional.of(n.bigIntegerValue().toString());
    }
    if (!(value instanceof JsonString s)) {
      throw new InvalidInputException(field + " must be a string");
    }
    return Optional.of(s.getString().trim()).filter(t -> !t.isEmpty());
  }

  private static InvalidInputException required(String field) {
    return new InvalidInputException(field + " is required");
  }
}
