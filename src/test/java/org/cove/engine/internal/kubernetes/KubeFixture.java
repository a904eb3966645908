package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.cove.engine.internal.core.BackendServices;
import org.cove.engine.internal.core.BackendThreads;
import org.cove.engine.internal.core.FakeAuditTrail;
import org.cove.engine.internal.core.FakeInputs;
import org.cove.engine.internal.core.JobHistory;
import org.cove.engine.internal.core.MutableClock;
import org.cove.engine.internal.core.TestEnvironments;
import org.cove.operator.Environments;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.shared.Address;

/**
 * A fabric8 mock API server in CRUD mode with the generated ComputeJob CRD registered (so status is
 * a real subresource), a client on it, and the test playing kubelet: it sets pod phases and exit
 * codes, answers pod logs, and does the configure and publish pods' calls to Cove.
 */
final class KubeFixture implements AutoCloseable {

  static final String NAMESPACE = "cove-test";
  static final Address ENGINE = new Address("0x" + "9".repeat(40));
  static final Path CRD = Path.of("target/classes/META-INF/fabric8/computejobs.cove.org-v1.yml");

  final KubernetesMockServer server;
  final KubernetesClient client;
  final FakeAuditTrail ledger = new FakeAuditTrail();
  final FakeInputs inputs = new FakeInputs();
  final MutableClock clock = new MutableClock();
  final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, daemons());
  final Path dataDir;
  final List<Job> ended = new CopyOnWriteArrayList<>();
  final List<KubernetesBackend> engines = new ArrayList<>();
  volatile long storageExpirySeconds = 3600;

  KubeFixture(Path dataDir) {
    this.dataDir = dataDir;
    // concurrent: a test kubelet adds log expectations while the server answers requests
    Map<ServerRequest, Queue<ServerResponse>> responses =
        new java.util.concurrent.ConcurrentHashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    client = server.createClient(new JdkHttpClientFactory());
    client.getConfiguration().setNamespace(NAMESPACE);
    try (InputStream crd = Files.newInputStream(CRD)) {
      CustomResourceDefinition definition =
          client.apiextensions().v1().customResourceDefinitions().load(crd).item();
      client.apiextensions().v1().customResourceDefinitions().resource(definition).create();
    } catch (IOException e) {
      throw new UncheckedIOException("the generated CRD is missing: run mvn process-classes", e);
    }
  }

  static KubernetesSettings settings() {
    return KubernetesSettings.defaults(NAMESPACE);
  }

  KubernetesBackend engine(KubernetesSettings settings) {
    return engine(settings, Steps.NONE);
  }

  /** A new engine (a fresh process, as after a restart) over the same API, ledger and results. */
  KubernetesBackend engine(KubernetesSettings settings, Steps steps) {
    KubernetesBackend engine =
        KubernetesBackend.build(
            client,
            settings,
            new BackendServices(
                dataDir, inputs, environments(), new JobHistory(ledger, ENGINE), clock),
            new BackendThreads(timer, daemons()),
            ended::add,
            steps);
    engines.add(engine);
    engine.runtime().startCache();
    return engine;
  }

  JobId submit(KubernetesBackend engine, JobSpec spec) {
    JobId id = JobId.random();
    answerLogs(id);
    engine.jobs().submit(id, spec);
    return id;
  }

  /** Every stage pod of the job answers its log with a line naming it. */
  void answerLogs(JobId id) {
    for (Stage stage : Stage.values()) {
      String pod = JobNames.pod(id, stage, 1);
      server
          .expect()
          .get()
          .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod + "/log?pretty=false")
          .andReturn(200, stage.label() + " log of " + pod + "\n")
          .always();
    }
  }

  Optional<Pod> pod(JobId id, Stage stage) {
    return Optional.ofNullable(
        client.pods().inNamespace(NAMESPACE).withName(JobNames.pod(id, stage, 1)).get());
  }

  /** Plays kubelet: the pod ran and ended with this exit code (0: Succeeded, else Failed). */
  void finish(JobId id, Stage stage, int exitCode) {
    finish(id, stage, exitCode, exitCode == 0 ? "Completed" : "Error", null);
  }

  void finish(JobId id, Stage stage, int exitCode, String containerReason, String podReason) {
    Pod pod = pod(id, stage).orElseThrow();
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase(exitCode == 0 && podReason == null ? "Succeeded" : "Failed")
            .withReason(podReason)
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName(stage.label())
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(exitCode)
                    .withReason(containerReason)
                    .endTerminated()
                    .endState()
                    .build())
            .build());
    client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
  }

  void running(JobId id, Stage stage) {
    Pod pod = pod(id, stage).orElseThrow();
    pod.setStatus(new PodStatusBuilder().withPhase("Running").build());
    client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
  }

  /** What the configure pod does: fetch the datasets and the algorithm with the job's token. */
  byte[] configurePodFetches(KubernetesBackend engine, JobId id) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    engine.exchange().datasets(id, token(id)).writeTo(tar);
    engine.exchange().algorithm(id, token(id)).writeTo(new ByteArrayOutputStream());
    return tar.toByteArray();
  }

  /** What the publish pod does: hand over the outputs, here one file. */
  void publishPodHandsOver(KubernetesBackend engine, JobId id, String name, String content)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("./" + name);
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    engine
        .exchange()
        .receiveOutputs(id, token(id), new java.io.ByteArrayInputStream(bytes.toByteArray()));
  }

  String token(JobId id) {
    Secret secret =
        client.secrets().inNamespace(NAMESPACE).withName(JobNames.tokenSecret(id)).get();
    if (secret.getData() != null && secret.getData().containsKey(JobManifests.TOKEN_KEY)) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(JobManifests.TOKEN_KEY)),
          StandardCharsets.UTF_8);
    }
    return secret.getStringData().get(JobManifests.TOKEN_KEY);
  }

  ComputeJob resource(JobId id) {
    return client.resources(ComputeJob.class).inNamespace(NAMESPACE).withName(id.value()).get();
  }

  int statusCode(JobId id) {
    ComputeJob job = resource(id);
    return job == null || job.getStatus() == null ? 0 : job.getStatus().statusCode;
  }

  Environments environments() {
    return new TestEnvironments(() -> storageExpirySeconds);
  }

  static ThreadFactory daemons() {
    return runnable -> {
      Thread thread = new Thread(runnable, "kube-engine-test");
      thread.setDaemon(true);
      return thread;
    };
  }

  static Duration patience() {
    return Duration.ofSeconds(30);
  }

  @Override
  public void close() {
    engines.forEach(KubernetesBackend::close);
    timer.shutdownNow();
    client.close();
    server.destroy();
  }
}
