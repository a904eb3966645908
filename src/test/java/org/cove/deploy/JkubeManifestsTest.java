package org.cove.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What `k8s:resource` generated from jkube/ and the CRD, read back with fabric8's model the way a
 * cluster would read it. It runs at the package phase, after the manifests are written (see the
 * surefire execution "kubernetes-manifests" in pom.xml).
 */
class JkubeManifestsTest {

  static final String MANIFESTS = "/META-INF/jkube/kubernetes.yml";
  static final Map<String, String> COVE_POD = Map.of("app.kubernetes.io/name", "cove");

  static List<HasMetadata> objects;

  @BeforeAll
  static void readManifests() throws IOException {
    try (InputStream in = JkubeManifestsTest.class.getResourceAsStream(MANIFESTS)) {
      assertThat(in).as(MANIFESTS + " on the classpath (written by k8s:resource)").isNotNull();
      objects = new KubernetesSerialization().unmarshal(in, KubernetesList.class).getItems();
    }
  }

  @Test
  void the_role_grants_exactly_what_the_engine_and_the_registry_use() {
    Role role = only(Role.class, "cove-engine");

    assertThat(grants(role.getRules()))
        .containsExactlyInAnyOrderElementsOf(
            grants(
                rule("cove.org", "computejobs", "get list watch create update patch delete"),
                rule("cove.org", "computejobs/status", "get update patch"),
                rule("", "pods", "get list watch create delete"),
                rule("", "pods/log", "get"),
                rule("", "persistentvolumeclaims", "get list watch create delete"),
                rule("", "secrets", "get create delete"),
                rule("networking.k8s.io", "networkpolicies", "get list create delete"),
                rule("coordination.k8s.io", "leases", "get create update"),
                rule("", "events", "create patch")));
    assertThat(role.getRules())
        .allSatisfy(r -> assertThat(r.getResourceNames()).as("no resourceNames").isEmpty());
  }

  @Test
  void nothing_reaches_beyond_the_namespace() {
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .doesNotContain("ClusterRole", "ClusterRoleBinding", "Namespace");
    String namespace = only(RoleBinding.class, "cove-engine").getMetadata().getNamespace();
    assertThat(namespace).isNotBlank();
    assertThat(objects)
        .filteredOn(o -> !(o instanceof CustomResourceDefinition))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(namespace));
    assertThat(only(CustomResourceDefinition.class, "computejobs.cove.org").getMetadata())
        .extracting(m -> m.getNamespace())
        .as("a CRD is cluster-wide")
        .isNull();
  }

  @Test
  void the_role_is_bound_to_the_account_cove_runs_as() {
    RoleBinding binding = only(RoleBinding.class, "cove-engine");
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo("cove-engine");
    assertThat(binding.getSubjects())
        .singleElement()
        .extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
        .containsExactly("ServiceAccount", "cove", binding.getMetadata().getNamespace());

    ServiceAccount account = only(ServiceAccount.class, "cove");
    assertThat(account.getAutomountServiceAccountToken()).isTrue();
    PodSpec pod = covePod();
    assertThat(pod.getServiceAccountName()).isEqualTo("cove");
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
  }

  @Test
  void the_crd_is_the_namespaced_compute_job_with_a_status_subresource() {
    CustomResourceDefinition crd = only(CustomResourceDefinition.class, "computejobs.cove.org");
    assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.getSpec().getGroup()).isEqualTo("cove.org");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("ComputeJob");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("computejobs");

    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
    assertThat(version.getSubresources().getStatus()).as("status subresource").isNotNull();
    assertThat(version.getSchema().getOpenAPIV3Schema().getProperties())
        .containsKeys("spec", "status");
  }

  @Test
  void the_probes_ask_microprofile_health_on_the_http_port() {
    Container cove = coveContainer();
    assertThat(cove.getPorts())
        .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(tuple("http", 9080));

    assertProbe(cove.getReadinessProbe(), "/health/ready");
    assertProbe(cove.getLivenessProbe(), "/health/live");
    assertProbe(cove.getStartupProbe(), "/health/started");
  }

  @Test
  void the_container_has_an_image_limits_and_no_privileges() {
    Container cove = coveContainer();
    assertThat(cove.getImage()).isNotBlank();
    assertThat(cove.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(cove.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(Quantity.getAmountInBytes(cove.getResources().getLimits().get("memory")))
        .isGreaterThanOrEqualTo(
            Quantity.getAmountInBytes(cove.getResources().getRequests().get("memory")));

    assertThat(cove.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(cove.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    PodSpec pod = covePod();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getInitContainers()).as("no root init container").isEmpty();
  }

  @Test
  void settings_come_from_the_config_map_and_the_secret() {
    Container cove = coveContainer();
    assertThat(cove.getEnvFrom())
        .extracting(EnvFromSource::getConfigMapRef)
        .filteredOn(ref -> ref != null)
        .singleElement()
        .satisfies(ref -> assertThat(ref.getName()).isEqualTo("cove-config"));
    assertThat(cove.getEnvFrom())
        .extracting(EnvFromSource::getSecretRef)
        .filteredOn(ref -> ref != null)
        .singleElement()
        .satisfies(ref -> assertThat(ref.getName()).isEqualTo("cove-secrets"));

    Map<String, String> env =
        cove.getEnv().stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env)
        .containsEntry("COVE_ENGINE", "kubernetes")
        .containsEntry("COVE_MODE", "production")
        .containsEntry("COVE_HTTP_PORT", "9080")
        .doesNotContainKeys(
            "COVE_PROVIDER_KEY", "COVE_DB_PASSWORD", "COVE_DB_MIGRATION_PASSWORD", "COVE_DB_URL");
  }

  @Test
  void the_data_directory_is_the_result_store_volume() {
    Container cove = coveContainer();
    String dataDir =
        cove.getEnv().stream()
            .filter(e -> e.getName().equals("COVE_DATA_DIR"))
            .map(EnvVar::getValue)
            .findFirst()
            .orElseThrow();
    VolumeMount mount =
        cove.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals(dataDir))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing mounted at " + dataDir));
    assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);

    Volume volume =
        covePod().getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow();
    String claim = volume.getPersistentVolumeClaim().getClaimName();
    PersistentVolumeClaim pvc = only(PersistentVolumeClaim.class, claim);
    assertThat(pvc.getSpec().getResources().getRequests()).containsKey("storage");
    // One writer per ReadWriteOnce volume: an update must not start a second pod beside it.
    assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    Deployment deployment = only(Deployment.class, "cove");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
  }

  @Test
  void the_service_reaches_the_cove_pods_on_9080() {
    Service service = only(Service.class, "cove");
    Deployment deployment = only(Deployment.class, "cove");
    assertThat(service.getSpec().getSelector()).isEqualTo(COVE_POD);
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(COVE_POD);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(COVE_POD);
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getPort()).isEqualTo(9080);
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
  }

  @Test
  void algorithm_pods_without_network_get_none_either_way() {
    NetworkPolicy deny = only(NetworkPolicy.class, "cove-algorithm-deny");
    assertThat(deny.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("cove.org/stage", "algorithm", "cove.org/network", "denied"));
    assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isEmpty();
    assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(deny.getSpec().getEgress()).isEmpty();
  }

  @Test
  void configure_and_publish_pods_reach_only_cove_and_dns() {
    NetworkPolicy helpers = only(NetworkPolicy.class, "cove-helper-egress");
    LabelSelector selector = helpers.getSpec().getPodSelector();
    assertThat(selector.getMatchLabels()).isEmpty();
    assertThat(selector.getMatchExpressions())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKey()).isEqualTo("cove.org/stage");
              assertThat(e.getOperator()).isEqualTo("In");
              assertThat(e.getValues()).containsExactlyInAnyOrder("configure", "publish");
            });
    assertThat(helpers.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(helpers.getSpec().getIngress()).as("nothing connects to them").isEmpty();

    List<NetworkPolicyEgressRule> egress = helpers.getSpec().getEgress();
    assertThat(egress).hasSize(2);
    NetworkPolicyPeer cove = egress.get(0).getTo().get(0);
    assertThat(egress.get(0).getTo()).hasSize(1);
    assertThat(cove.getNamespaceSelector()).as("Cove's own namespace").isNull();
    assertThat(cove.getPodSelector().getMatchLabels()).isEqualTo(COVE_POD);
    assertThat(egress.get(0).getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("TCP/9080");

    NetworkPolicyPeer dns = egress.get(1).getTo().get(0);
    assertThat(egress.get(1).getTo()).hasSize(1);
    assertThat(dns.getPodSelector()).isNull();
    assertThat(dns.getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
    assertThat(egress.get(1).getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactlyInAnyOrder("UDP/53", "TCP/53");
  }

  @Test
  void cove_pods_are_not_caught_by_the_stage_policies() {
    Map<String, String> labels =
        only(Deployment.class, "cove").getSpec().getTemplate().getMetadata().getLabels();
    assertThat(labels).doesNotContainKey("cove.org/stage");
  }

  // --- helpers

  record Grant(String apiGroup, String resource, String verb) {}

  static PolicyRule rule(String apiGroup, String resource, String verbs) {
    PolicyRule rule = new PolicyRule();
    rule.setApiGroups(List.of(apiGroup));
    rule.setResources(List.of(resource));
    rule.setVerbs(List.of(verbs.split(" ")));
    return rule;
  }

  static Set<Grant> grants(PolicyRule... rules) {
    return grants(List.of(rules));
  }

  /** Every (group, resource, verb) a list of rules allows, whatever way it is written. */
  static Set<Grant> grants(List<PolicyRule> rules) {
    Set<Grant> grants = new HashSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            grants.add(new Grant(group, resource, verb));
          }
        }
      }
    }
    return grants;
  }

  static void assertProbe(Probe probe, String path) {
    assertThat(probe).as(path).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get.getPath()).isEqualTo(path);
    assertThat(get.getPort().getStrVal()).isEqualTo("http");
  }

  static PodSpec covePod() {
    return only(Deployment.class, "cove").getSpec().getTemplate().getSpec();
  }

  static Container coveContainer() {
    return covePod().getContainers().stream()
        .filter(c -> c.getName().equals("cove"))
        .findFirst()
        .orElseThrow();
  }

  static <T extends HasMetadata> T only(Class<T> type, String name) {
    List<T> found =
        objects.stream()
            .filter(type::isInstance)
            .map(type::cast)
            .filter(o -> o.getMetadata().getName().equals(name))
            .toList();
    assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
    return found.get(0);
  }
}
