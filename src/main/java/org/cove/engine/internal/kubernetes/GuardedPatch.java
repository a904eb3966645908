package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON patch that first names the resourceVersion it was computed from: the API server takes that
 * as a precondition and answers 409 when the resource has changed since, so a writer judges again
 * on what is there now instead of overwriting it.
 */
final class GuardedPatch {

  private final KubernetesSerialization serialization;
  private final String resourceVersion;
  private final Map<String, Object> additions = new LinkedHashMap<>();

  GuardedPatch(KubernetesSerialization serialization, ComputeJob current) {
    this.serialization = serialization;
    this.resourceVersion = current.getMetadata().getResourceVersion();
  }

  /** Sets {@code path} (a JSON pointer) to {@code value}, whether or not it was there. */
  GuardedPatch add(String path, Object value) {
    additions.put(path, value);
    return this;
  }

  String toJson() {
    StringBuilder patch =
        new StringBuilder("[")
            .append(operation("replace", "/metadata/resourceVersion", resourceVersion));
    additions.forEach((path, value) -> patch.append(',').append(operation("add", path, value)));
    return patch.append(']').toString();
  }

  private String operation(String op, String path, Object value) {
    return "{\"op\":\""
        + op
        + "\",\"path\":\""
        + path
        + "\",\"value\":"
        + serialization.asJson(value)
        + "}";
  }
}
