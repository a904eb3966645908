package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes a job's status through the status subresource only, as a JSON patch carrying the
 * resourceVersion it read: a concurrent write makes the API answer 409, and the change is applied
 * again to what is there now. (A patch rather than a PUT also because the mock API server ignores
 * the resourceVersion of a status PUT, which would hide lost updates in the tests.) The change is a
 * function of the current status, so a repeat is harmless and nothing written by someone else is
 * lost.
 */
final class StatusWriter {

  private final KubernetesClient client;
  private final String namespace;

  StatusWriter(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** The resource after the change, or empty when it no longer exists. */
  Optional<ComputeJob> update(String name, UnaryOperator<ComputeJobStatus> change) {
    return update(name, null, change);
  }

  /**
   * As {@link #update(String, UnaryOperator)}, first trying on {@code known} (the informer's copy,
   * or the last write's answer), which is usually current and saves a read.
   */
  Optional<ComputeJob> update(
      String name, ComputeJob known, UnaryOperator<ComputeJobStatus> change) {
    ComputeJob next = known;
    while (true) {
      ComputeJob current = next != null ? next : jobs().withName(name).get();
      next = null;
      if (current == null) {
        return Optional.empty();
      }
      ComputeJobStatus before =
          current.getStatus() == null ? new ComputeJobStatus() : current.getStatus();
      ComputeJobStatus after = change.apply(copy(before));
      if (current.getStatus() != null && same(before, after)) {
        return Optional.of(current);
      }
      after.observedGeneration = current.getMetadata().getGeneration();
      try {
        return Optional.of(
            jobs()
                .withName(name)
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON), patch(current, after)));
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          return Optional.empty();
        }
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        // someone wrote in between: apply the change again to what is there now
      }
    }
  }

  /** The whole status, replaced only if the job is still the version it was computed from. */
  private String patch(ComputeJob current, ComputeJobStatus status) {
    return new GuardedPatch(client.getKubernetesSerialization(), current)
        .add("/status", status)
        .toJson();
  }

  private ComputeJobStatus copy(ComputeJobStatus status) {
    return client.getKubernetesSerialization().clone(status);
  }

  private boolean same(ComputeJobStatus a, ComputeJobStatus b) {
    var serialization = client.getKubernetesSerialization();
    return Objects.equals(serialization.asJson(a), serialization.asJson(b));
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          ComputeJob,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<ComputeJob>,
          io.fabric8.kubernetes.client.dsl.Resource<ComputeJob>>
      jobs() {
    return client.resources(ComputeJob.class).inNamespace(namespace);
  }
}
