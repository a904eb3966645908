package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cove.operator.JobId;

/**
 * The objects a job needs, as pure functions of the resource and the settings: the job volume, the
 * token secret, the no-egress network policy and the three stage pods. Every object carries the
 * job's labels and a controller reference to the resource, so deleting the resource deletes them.
 * All pods run restricted: non-root, read-only root filesystem, no privilege escalation, every
 * capability dropped, seccomp RuntimeDefault, no service-account token, a deadline, never
 * restarted. One class, though longer than most: every object shares the job's labels, controller
 * reference and restrictions, and reads best beside the others; the stage pods' scripts are in
 * {@link StageScripts}.
 */
final class JobManifests {

  static final long UID = 65534;
  static final String DATA = "/data";
  static final String TOKEN_KEY = "token";
  private static final String HELPER_CPU = "100m";
  private static final String HELPER_MEMORY = "128Mi";

  private final KubernetesSettings settings;

  JobManifests(KubernetesSettings settings) {
    this.settings = settings;
  }

  PersistentVolumeClaim volume(ComputeJob job) {
    JobId id = id(job);
    Map<String, Quantity> size = Map.of("storage", new Quantity(volumeSize(job)));
    PersistentVolumeClaimBuilder claim =
        new PersistentVolumeClaimBuilder()
            .withMetadata(meta(job, JobNames.volume(id), Map.of()))
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .withRequests(size)
            .endResources()
            .endSpec();
    if (!settings.storageClass().isBlank()) {
      claim.editSpec().withStorageClassName(settings.storageClass()).endSpec();
    }
    return claim.build();
  }

  Secret token(ComputeJob job, String token) {
    return new SecretBuilder()
        .withMetadata(meta(job, JobNames.tokenSecret(id(job)), Map.of()))
        .withType("Opaque")
        .withImmutable(true)
        .withStringData(Map.of(TOKEN_KEY, token))
        .build();
  }

  /**
   * Denies the job's algorithm pod all traffic, in and out: the label-selected policy of the
   * deployment says the same for every algorithm pod; this one holds even without it.
   */
  NetworkPolicy noEgress(ComputeJob job) {
    return new NetworkPolicyBuilder()
        .withMetadata(meta(job, JobNames.networkPolicy(id(job)), Map.of()))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(
            Map.of(JobNames.JOB, id(job).value(), JobNames.STAGE, Stage.ALGORITHM.label()))
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .endSpec()
        .build();
  }

  /**
   * Fetches the datasets and parameters, then the algorithm, into the job volume. Exit 31 means the
   * data could not be provided, 32 the algorithm: the statuses they lead to.
   */
  Pod configure(ComputeJob job, int attempt) {
    Container container =
        helper(Stage.CONFIGURE, StageScripts.CONFIGURE)
            .withVolumeMounts(mount("data", DATA, null, false), mount("tmp", "/tmp", null, false))
            .build();
    return pod(job, Stage.CONFIGURE, attempt, container, settings.stageTimeout().toSeconds());
  }

  /**
   * The algorithm in its own image, pinned by digest, with {@code $ALGO} resolved in its entrypoint
   * (run without a shell, so its exit code is the pod's). Inputs and code are mounted read-only;
   * only the outputs, the logs and /tmp are writable.
   */
  Pod algorithm(ComputeJob job, int attempt) {
    ComputeJobSpec spec = job.getSpec();
    String image =
        ComputeJobs.pinnedImage(spec.algorithm.container)
            .orElseThrow(() -> new IllegalStateException("the algorithm's image has no digest"));
    List<EnvVar> env = new ArrayList<>();
    env.add(env("DIDS", ComputeJobs.dids(spec)));
    env.add(env("TRANSFORMATION_DID", spec.algorithm.did == null ? "" : spec.algorithm.did));
    env.add(env("INPUTS", DATA + "/inputs"));
    env.add(env("OUTPUTS", DATA + "/outputs"));
    env.add(env("LOGS", DATA + "/logs"));
    ResourceRequirements resources = algorithmResources(spec);
    Container container =
        new ContainerBuilder()
            .withName(Stage.ALGORITHM.label())
            .withImage(image)
            .withImagePullPolicy("IfNotPresent")
            .withCommand(entrypoint(spec.algorithm.container.entrypoint))
            .withWorkingDir(DATA + "/outputs")
            .withEnv(env)
            .withResources(resources)
            .withSecurityContext(restricted())
            .withVolumeMounts(
                mount("data", DATA + "/inputs", "inputs", true),
                mount("data", DATA + "/transformations", "transformations", true),
                mount("data", DATA + "/outputs", "outputs", false),
                mount("data", DATA + "/logs", "logs", false),
                mount("tmp", "/tmp", null, false))
            .build();
    Pod pod = pod(job, Stage.ALGORITHM, attempt, container, spec.maxDurationSeconds);
    pod.getMetadata().getLabels().put(JobNames.NETWORK, spec.allowNetwork ? "allowed" : "denied");
    return pod;
  }

  /**
   * Hands the outputs to Cove as a tar stream; the engine copies the logs itself. busybox's wget
   * cannot send them: {@code --post-file} reads the whole file into memory and sends it up to its
   * first NUL byte (a tar has one in its first header). So the script writes the HTTP request
   * itself and streams it through {@code nc}: the tar is built twice (its size first, for
   * Content-Length; the outputs are mounted read-only, so both runs give the same bytes), never
   * held in memory or on disk.
   */
  Pod publish(ComputeJob job, int attempt) {
    Container container =
        helper(Stage.PUBLISH, StageScripts.PUBLISH)
            .withVolumeMounts(
                mount("data", DATA + "/outputs", "outputs", true),
                mount("tmp", "/tmp", null, false))
            .build();
    return pod(job, Stage.PUBLISH, attempt, container, settings.stageTimeout().toSeconds());
  }

  private ContainerBuilder helper(Stage stage, String script) {
    return new ContainerBuilder()
        .withName(stage.label())
        .withImage(settings.helperImage())
        .withImagePullPolicy("IfNotPresent")
        .withCommand("/bin/sh", "-c", script)
        .withResources(
            requestsAreLimits(
                Map.of("cpu", new Quantity(HELPER_CPU), "memory", new Quantity(HELPER_MEMORY))))
        .withSecurityContext(restricted());
  }

  private Pod pod(ComputeJob job, Stage stage, int attempt, Container container, long deadline) {
    JobId id = id(job);
    Map<String, String> labels = Map.of(JobNames.STAGE, stage.label());
    // the algorithm never sees the token: only the helper stages talk to Cove
    Container withJob =
        stage == Stage.ALGORITHM
            ? container
            : new ContainerBuilder(container).addAllToEnv(jobEnv(id)).build();
    return new PodBuilder()
        .withMetadata(meta(job, JobNames.pod(id, stage, attempt), labels))
        .withNewSpec()
        .withRestartPolicy("Never")
        .withActiveDeadlineSeconds(Math.max(1, deadline))
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withSecurityContext(
            new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(UID)
                .withRunAsGroup(UID)
                .withFsGroup(UID)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build())
        .withContainers(withJob)
        .withVolumes(volumes(id))
        .endSpec()
        .build();
  }

  /** The job's id, and for the helper stages its token and where Cove is. */
  private List<EnvVar> jobEnv(JobId id) {
    return List.of(
        env("COVE_JOB_ID", id.value()),
        env("COVE_PROVIDER_URL", settings.providerUrl()),
        new EnvVarBuilder()
            .withName("COVE_JOB_TOKEN")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName(JobNames.tokenSecret(id))
            .withKey(TOKEN_KEY)
            .endSecretKeyRef()
            .endValueFrom()
            .build());
  }

  private static List<Volume> volumes(JobId id) {
    return List.of(
        new VolumeBuilder()
            .withName("data")
            .withNewPersistentVolumeClaim()
            .withClaimName(JobNames.volume(id))
            .endPersistentVolumeClaim()
            .build(),
        new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
  }

  private static io.fabric8.kubernetes.api.model.SecurityContext restricted() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withPrivileged(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /** The environment's cpu (cores), ram (GB) and gpu, asked and capped alike. */
  static ResourceRequirements algorithmResources(ComputeJobSpec spec) {
    Map<String, Quantity> amounts = new LinkedHashMap<>();
    for (ComputeJobSpec.Resource r : spec.resources) {
      switch (r.id.toLowerCase(Locale.ROOT)) {
        case "cpu" -> amounts.put("cpu", new Quantity(decimal(r.amount)));
        case "ram", "memory" -> amounts.put("memory", new Quantity(decimal(r.amount), "Gi"));
        case "gpu" -> {
          if (r.amount > 0) {
            amounts.put("nvidia.com/gpu", new Quantity(decimal(Math.ceil(r.amount))));
          }
        }
        default -> {}
      }
    }
    amounts.putIfAbsent("cpu", new Quantity("1"));
    amounts.putIfAbsent("memory", new Quantity("1", "Gi"));
    return requestsAreLimits(amounts);
  }

  private String volumeSize(ComputeJob job) {
    return job.getSpec().resources.stream()
        .filter(r -> "disk".equalsIgnoreCase(r.id) && r.amount > 0)
        .findFirst()
        .map(r -> decimal(r.amount) + "Gi")
        .orElse(settings.volumeSize());
  }

  private static ResourceRequirements requestsAreLimits(Map<String, Quantity> amounts) {
    return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
  }

  private static String decimal(double amount) {
    return amount == Math.rint(amount)
        ? Long.toString((long) amount)
        : java.math.BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
  }

  /** {@code python $ALGO} → [python, /data/transformations/algorithm]. */
  static List<String> entrypoint(String entrypoint) {
    String resolved =
        entrypoint
            .replace("${ALGO}", DATA + "/transformations/algorithm")
            .replace("$ALGO", DATA + "/transformations/algorithm");
    return List.of(resolved.trim().split("\\s+"));
  }

  private static VolumeMount mount(String volume, String path, String subPath, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withSubPath(subPath)
        .withReadOnly(readOnly)
        .build();
  }

  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static ObjectMeta meta(ComputeJob job, String name, Map<String, String> extra) {
    Map<String, String> labels = new LinkedHashMap<>(JobNames.labels(id(job), job.getSpec().owner));
    labels.putAll(extra);
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(job.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(owner(job))
        .build();
  }

  /**
   * The resource as controller. No {@code blockOwnerDeletion}: setting it needs the update right on
   * computejobs/finalizers, which the engine's role does not have.
   */
  static OwnerReference owner(ComputeJob job) {
    return new OwnerReferenceBuilder()
        .withApiVersion(job.getApiVersion())
        .withKind(job.getKind())
        .withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid())
        .withController(true)
        .build();
  }

  private static JobId id(ComputeJob job) {
    return new JobId(job.getMetadata().getName());
  }
}
