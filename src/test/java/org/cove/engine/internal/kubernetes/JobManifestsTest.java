package org.cove.engine.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.JobId;
import org.junit.jupiter.api.Test;

/** The pure builders of a job's objects: every hardening field, as the issue lists them. */
class JobManifestsTest {

  static final String DIGEST = "sha256:" + "0".repeat(64);

  final JobManifests manifests = new JobManifests(KubeFixture.settings());
  final JobId id = JobId.random();
  final ComputeJob job =
      resource(Specs.python("print(1)").ram(2).maxDuration(Duration.ofSeconds(90)));

  ComputeJob resource(Specs specs) {
    ComputeJob job = ComputeJobs.resource(id, specs.build(), Instant.now());
    job.getMetadata().setNamespace(KubeFixture.NAMESPACE);
    job.getMetadata().setUid("uid-of-the-job");
    return job;
  }

  @Test
  void the_algorithm_pod_is_restricted_pinned_by_digest_and_bounded() {
    Pod pod = manifests.algorithm(job, 1);
    assertThat(pod.getMetadata().getName()).isEqualTo(id + "-algorithm-1");
    var spec = pod.getSpec();
    assertThat(spec.getRestartPolicy()).isEqualTo("Never");
    assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(90L);
    assertThat(spec.getAutomountServiceAccountToken()).isFalse();
    assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(spec.getSecurityContext().getRunAsUser()).isEqualTo(65534L);
    assertThat(spec.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    Container container = spec.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("python:3.11@" + DIGEST);
    assertThat(container.getCommand()).containsExactly("python", "/data/transformations/algorithm");
    assertRestricted(container.getSecurityContext());
    assertThat(container.getResources().getRequests())
        .isEqualTo(container.getResources().getLimits());
    assertThat(container.getResources().getLimits())
        .containsEntry("cpu", new Quantity("1"))
        .containsEntry("memory", new Quantity("2", "Gi"));
    assertThat(container.getVolumeMounts())
        .filteredOn(m -> m.getMountPath().equals("/data/inputs"))
        .singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    assertThat(container.getVolumeMounts())
        .filteredOn(m -> m.getMountPath().equals("/data/transformations"))
        .singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    assertThat(container.getVolumeMounts())
        .filteredOn(m -> !Boolean.TRUE.equals(m.getReadOnly()))
        .extracting(VolumeMount::getMountPath)
        .containsExactlyInAnyOrder("/data/outputs", "/data/logs", "/tmp");
    assertThat(container.getEnv()).noneMatch(e -> e.getName().equals("COVE_JOB_TOKEN"));
    assertThat(container.getEnv())
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("OUTPUTS"))
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("DIDS"));
    // Ocean's algorithms join INPUTS with each of DIDS: the hex part, as the directories are named
    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().equals("DIDS"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("[\"" + Specs.DATASET.hex() + "\"]"));
    assertThat(pod.getMetadata().getLabels())
        .containsEntry(JobNames.STAGE, "algorithm")
        .containsEntry(JobNames.NETWORK, "denied")
        .containsEntry(JobNames.JOB, id.value())
        .containsEntry(JobNames.MANAGED_BY, "cove-engine")
        .containsEntry(JobNames.OWNER, Specs.OWNER.value().toLowerCase());
    assertOwned(pod);
  }

  @Test
  void a_job_with_network_access_is_labelled_so() {
    Pod pod = manifests.algorithm(resource(Specs.python("1").network(true)), 1);
    assertThat(pod.getMetadata().getLabels()).containsEntry(JobNames.NETWORK, "allowed");
  }

  @Test
  void the_configure_and_publish_pods_run_the_pinned_helper_with_the_token_and_a_deadline() {
    for (Pod pod : List.of(manifests.configure(job, 1), manifests.publish(job, 1))) {
      assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
      assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
      assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
      Container container = pod.getSpec().getContainers().get(0);
      assertThat(container.getImage()).contains("@sha256:");
      assertRestricted(container.getSecurityContext());
      assertThat(container.getEnv())
          .anySatisfy(
              e -> {
                assertThat(e.getName()).isEqualTo("COVE_JOB_TOKEN");
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(id + "-token");
              });
      assertOwned(pod);
    }
    assertThat(manifests.publish(job, 1).getSpec().getContainers().get(0).getVolumeMounts())
        .filteredOn(m -> m.getMountPath().equals("/data/outputs"))
        .singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
  }

  @Test
  void a_job_without_network_access_gets_a_policy_denying_its_algorithm_pod_all_traffic() {
    NetworkPolicy policy = manifests.noEgress(job);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of(JobNames.JOB, id.value(), JobNames.STAGE, "algorithm"));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
    assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
    assertOwned(policy);
  }

  @Test
  void the_volume_takes_the_environments_disk_and_the_secret_holds_the_token() {
    assertThat(manifests.volume(job).getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("1", "Gi"));
    assertThat(manifests.token(job, "t").getStringData()).containsEntry("token", "t");
    assertOwned(manifests.volume(job));
    assertOwned(manifests.token(job, "t"));
  }

  @Test
  void the_entrypoint_resolves_algo_in_either_spelling() {
    assertThat(JobManifests.entrypoint("node ${ALGO} --fast"))
        .containsExactly("node", "/data/transformations/algorithm", "--fast");
  }

  private static void assertRestricted(SecurityContext context) {
    assertThat(context.getRunAsNonRoot()).isTrue();
    assertThat(context.getAllowPrivilegeEscalation()).isFalse();
    assertThat(context.getReadOnlyRootFilesystem()).isTrue();
    assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  private void assertOwned(HasMetadata object) {
    assertThat(object.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("ComputeJob");
              assertThat(owner.getApiVersion()).isEqualTo("cove.org/v1alpha1");
              assertThat(owner.getName()).isEqualTo(id.value());
              assertThat(owner.getUid()).isEqualTo("uid-of-the-job");
              assertThat(owner.getController()).isTrue();
            });
    assertThat(object.getMetadata().getLabels()).containsEntry(JobNames.JOB, id.value());
  }
}
