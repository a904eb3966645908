package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.cove.operator.JobId;
import org.cove.operator.spi.StageExchange;

/**
 * Plays a kubelet that really runs the stage pods the engine creates, on this machine, from their
 * generated specs: a directory per claim plays the job's volume, each pod's volume mounts are
 * mapped onto it (a path in the pod becomes the host path its mount names), and the pod's env is
 * resolved as a kubelet would (values, and secret references read from the API).
 *
 * <ul>
 *   <li>configure and publish pods do what their script does, in Java, through the engine's {@link
 *       StageExchange} with the job id and token from the pod's env: fetch and unpack the inputs
 *       and the algorithm into the volume; pack the outputs and hand them over;
 *   <li>the algorithm pod runs its container's command as a local process: the image decides which
 *       commands exist (python, node, sh are played by this machine's), arguments, env and working
 *       directory as in the spec; its exit code becomes the container's, its stdout and stderr the
 *       pod's log; {@code activeDeadlineSeconds} is enforced as a kubelet does (the pod fails with
 *       reason DeadlineExceeded).
 * </ul>
 *
 * A deleted pod's process is killed. Pod logs are served through mock-server expectations (CRUD
 * mode answers logs with junk), read from the log file at each request, so a running pod's log
 * grows as the process writes. Not played: read-only mounts, the security context, resources.
 */
final class RunningKubelet implements AutoCloseable {

  /** The commands each image brings, and the host binary that plays each. */
  private static final Map<String, Map<String, String>> IMAGES =
      Map.of(
          "python",
          Map.of("python", "/usr/bin/python3", "python3", "/usr/bin/python3", "sh", "/bin/sh"),
          "node",
          Map.of("node", "/usr/bin/node", "sh", "/bin/sh"),
          "alpine",
          Map.of("sh", "/bin/sh"));

  private final KubeFixture kube;
  private final StageExchange exchange;
  private final Path node;
  private final Map<String, Process> processes = new ConcurrentHashMap<>();

  /** The pods being run, by uid, with their job. */
  private final Map<String, String> running = new ConcurrentHashMap<>();

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(KubeFixture.daemons());
  private final Watch watch;

  RunningKubelet(KubeFixture kube, StageExchange exchange, Path node) {
    this.kube = kube;
    this.exchange = exchange;
    this.node = node;
    this.watch =
        kube.client
            .pods()
            .inNamespace(KubeFixture.NAMESPACE)
            .withLabels(JobNames.managed())
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    String uid = pod.getMetadata().getUid();
                    if (action == Action.ADDED && seen.add(uid)) {
                      serveLog(pod.getMetadata().getName());
                      running.put(uid, pod.getMetadata().getLabels().get(JobNames.JOB));
                      threads.execute(() -> run(pod));
                    } else if (action == Action.DELETED) {
                      Optional.ofNullable(processes.remove(uid)).ifPresent(RunningKubelet::kill);
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  /** Whether no pod of the job is being run any more. */
  boolean idle(JobId id) {
    return !running.containsValue(id.value())
        && kube.client
            .pods()
            .inNamespace(KubeFixture.NAMESPACE)
            .withLabel(JobNames.JOB, id.value())
            .list()
            .getItems()
            .isEmpty();
  }

  private void run(Pod pod) {
    String uid = pod.getMetadata().getUid();
    try {
      Stage stage = Stage.valueOf(pod.getMetadata().getLabels().get(JobNames.STAGE).toUpperCase());
      Path podDir = Files.createDirectories(node.resolve("pods").resolve(uid));
      Container container = pod.getSpec().getContainers().get(0);
      Map<String, Path> mounts = mounts(pod, container, podDir);
      Map<String, String> env = env(container, mounts);
      Path log = logFile(pod.getMetadata().getName());
      Files.deleteIfExists(log);
      Files.createFile(log);
      if (!setStatus(
          pod, new PodStatusBuilder().withPhase("Running").withStartTime(now()).build())) {
        return;
      }
      Ending ending =
          switch (stage) {
            case CONFIGURE -> configure(env, mounts, log);
            case ALGORITHM -> runCommand(pod, container, env, mounts, log);
            case PUBLISH -> publish(env, mounts, log);
          };
      setStatus(pod, ending.status(container.getName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      processes.remove(uid);
      running.remove(uid);
    }
  }

  /** How a pod ended: its container's exit code and reason, and the pod's reason if any. */
  private record Ending(int exitCode, String reason, String podReason) {

    static Ending exited(int code) {
      return new Ending(code, code == 0 ? "Completed" : "Error", null);
    }

    PodStatus status(String container) {
      return new PodStatusBuilder()
          .withPhase(exitCode == 0 && podReason == null ? "Succeeded" : "Failed")
          .withReason(podReason)
          .withMessage(
              podReason == null ? null : "Pod was active on the node longer than the deadline")
          .withContainerStatuses(
              new ContainerStatusBuilder()
                  .withName(container)
                  .withNewState()
                  .withNewTerminated()
                  .withExitCode(exitCode)
                  .withReason(reason)
                  .endTerminated()
                  .endState()
                  .build())
          .build();
    }
  }

  // --- the stages ---

  /** What the configure script does: unpack the inputs and the algorithm into the volume. */
  private Ending configure(Map<String, String> env, Map<String, Path> mounts, Path log)
      throws IOException {
    Optional<Ending> unset = requireEnv(env, log, "COVE_JOB_ID", "COVE_JOB_TOKEN");
    if (unset.isPresent()) {
      return unset.get();
    }
    Path data = host("/data", mounts);
    for (String dir : List.of("inputs", "transformations", "outputs", "logs")) {
      Files.createDirectories(data.resolve(dir));
    }
    JobId id = new JobId(env.get("COVE_JOB_ID"));
    String token = env.get("COVE_JOB_TOKEN");
    try {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      exchange.datasets(id, token).writeTo(tar);
      untar(new ByteArrayInputStream(tar.toByteArray()), data);
    } catch (IOException | RuntimeException e) {
      // what wget says when the provider's answer fails; the pod never sees the provider's reasons
      append(log, "wget: server returned error\n");
      return Ending.exited(31);
    }
    try (OutputStream out = Files.newOutputStream(data.resolve("transformations/algorithm"))) {
      exchange.algorithm(id, token).writeTo(out);
    } catch (IOException | RuntimeException e) {
      append(log, "wget: server returned error\n");
      return Ending.exited(32);
    }
    append(log, "configured\n");
    return Ending.exited(0);
  }

  /** The container's command as a local process, under the pod's deadline. */
  private Ending runCommand(
      Pod pod, Container container, Map<String, String> env, Map<String, Path> mounts, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    container.getCommand().forEach(arg -> command.add(translate(arg, mounts)));
    Optional<String> binary = binary(container.getImage(), command.get(0));
    if (binary.isEmpty()) {
      append(log, "exec: \"" + command.get(0) + "\": executable file not found in $PATH\n");
      return new Ending(128, "StartError", null);
    }
    command.set(0, binary.get());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (container.getWorkingDir() != null) {
      builder.directory(host(container.getWorkingDir(), mounts).toFile());
    }
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().put("HOME", host("/tmp", mounts).toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.put(pod.getMetadata().getUid(), process);
    if (kube.client
            .pods()
            .inNamespace(KubeFixture.NAMESPACE)
            .withName(pod.getMetadata().getName())
            .get()
        == null) {
      kill(process); // deleted before its process was known
    }
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    try {
      if (deadline != null && !process.waitFor(deadline, TimeUnit.SECONDS)) {
        kill(process);
        return new Ending(137, "Error", "DeadlineExceeded");
      }
      return Ending.exited(process.waitFor());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return Ending.exited(137);
    }
  }

  /** What the publish script does: pack the outputs and hand them over. */
  private Ending publish(Map<String, String> env, Map<String, Path> mounts, Path log)
      throws IOException {
    Optional<Ending> unset = requireEnv(env, log, "COVE_JOB_ID", "COVE_JOB_TOKEN");
    if (unset.isPresent()) {
      return unset.get();
    }
    byte[] tar = tar(host("/data/outputs", mounts));
    try {
      exchange.receiveOutputs(
          new JobId(env.get("COVE_JOB_ID")),
          env.get("COVE_JOB_TOKEN"),
          new ByteArrayInputStream(tar));
    } catch (IOException | RuntimeException e) {
      // what the publish script says (PublishScriptTest runs it for real)
      append(log, "Cove did not take the outputs\n");
      return Ending.exited(1);
    }
    append(log, "published\n");
    return Ending.exited(0);
  }

  /** As {@code set -u} would: a script whose variable is missing stops at once. */
  private static Optional<Ending> requireEnv(Map<String, String> env, Path log, String... names)
      throws IOException {
    for (String name : names) {
      if (env.get(name) == null || env.get(name).isBlank()) {
        append(log, "sh: " + name + ": parameter not set\n");
        return Optional.of(Ending.exited(2));
      }
    }
    return Optional.empty();
  }

  // --- what a kubelet resolves from the spec ---

  /** Each mount path of the container, and the host directory that plays it. */
  private Map<String, Path> mounts(Pod pod, Container container, Path podDir) throws IOException {
    Map<String, Path> volumes = new LinkedHashMap<>();
    for (Volume volume : pod.getSpec().getVolumes()) {
      if (volume.getPersistentVolumeClaim() != null) {
        volumes.put(
            volume.getName(),
            node.resolve("volumes").resolve(volume.getPersistentVolumeClaim().getClaimName()));
      } else if (volume.getEmptyDir() != null) {
        volumes.put(volume.getName(), podDir.resolve(volume.getName()));
      }
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      Path volume = volumes.get(mount.getName());
      if (volume == null) {
        throw new IllegalStateException("pod mounts unknown volume " + mount.getName());
      }
      String subPath = mount.getSubPath() == null ? "" : mount.getSubPath();
      mounts.put(mount.getMountPath(), Files.createDirectories(volume.resolve(subPath)));
    }
    return mounts;
  }

  /** The container's env: plain values (paths in mounts mapped), and secret keys as a kubelet. */
  private Map<String, String> env(Container container, Map<String, Path> mounts) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
        env.put(variable.getName(), secretValue(variable.getValueFrom().getSecretKeyRef()));
      } else {
        env.put(variable.getName(), translate(variable.getValue(), mounts));
      }
    }
    return env;
  }

  private String secretValue(SecretKeySelector ref) {
    Secret secret =
        kube.client.secrets().inNamespace(KubeFixture.NAMESPACE).withName(ref.getName()).get();
    if (secret == null) {
      throw new IllegalStateException("secret " + ref.getName() + " not found");
    }
    if (secret.getData() != null && secret.getData().containsKey(ref.getKey())) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(ref.getKey())), StandardCharsets.UTF_8);
    }
    return secret.getStringData().get(ref.getKey());
  }

  /** The host binary that plays the command in this image, if the image has the command. */
  private static Optional<String> binary(String image, String command) {
    String repository = image.split("@")[0];
    repository = repository.substring(repository.lastIndexOf('/') + 1).split(":")[0];
    return Optional.ofNullable(IMAGES.getOrDefault(repository, Map.of()).get(command));
  }

  /** A path inside the pod as the host path its (longest matching) mount names. */
  private static String translate(String value, Map<String, Path> mounts) {
    if (value == null) {
      return null;
    }
    return mounts.keySet().stream()
        .filter(path -> value.equals(path) || value.startsWith(path + "/"))
        .max(Comparator.comparingInt(String::length))
        .map(path -> mounts.get(path) + value.substring(path.length()))
        .orElse(value);
  }

  private static Path host(String path, Map<String, Path> mounts) {
    String translated = translate(path, mounts);
    if (translated.equals(path)) {
      throw new IllegalStateException(path + " is not mounted in this pod");
    }
    return Path.of(translated);
  }

  // --- the API side ---

  /** Writes the pod's status if the pod is still the one this kubelet runs. */
  private boolean setStatus(Pod pod, PodStatus status) {
    Pod current =
        kube.client
            .pods()
            .inNamespace(KubeFixture.NAMESPACE)
            .withName(pod.getMetadata().getName())
            .get();
    if (current == null || !current.getMetadata().getUid().equals(pod.getMetadata().getUid())) {
      return false;
    }
    if (current.getStatus() != null && current.getStatus().getStartTime() != null) {
      status.setStartTime(current.getStatus().getStartTime());
    }
    current.setStatus(status);
    try {
      kube.client.pods().inNamespace(KubeFixture.NAMESPACE).resource(current).updateStatus();
      return true;
    } catch (KubernetesClientException e) {
      return false; // deleted meanwhile (a stop): nothing to report
    }
  }

  private void serveLog(String pod) {
    kube.server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/" + KubeFixture.NAMESPACE + "/pods/" + pod + "/log?pretty=false")
        .andReply(200, request -> readLog(pod))
        .always();
  }

  private String readLog(String pod) {
    try {
      Path log = logFile(pod);
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path logFile(String pod) throws IOException {
    return Files.createDirectories(node.resolve("logs")).resolve(pod + ".log");
  }

  // --- small things ---

  private static void untar(InputStream in, Path into) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("tar entry outside the volume: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
        }
      }
    }
  }

  private static byte[] tar(Path directory) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);
        Stream<Path> files = Files.walk(directory)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        TarArchiveEntry entry =
            new TarArchiveEntry(file.toFile(), "./" + directory.relativize(file));
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void append(Path log, String text) throws IOException {
    Files.writeString(log, text, StandardOpenOption.APPEND);
  }

  private static String now() {
    return Instant.now().toString();
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public void close() {
    watch.close();
    processes.values().forEach(RunningKubelet::kill);
    threads.shutdownNow();
  }
}
