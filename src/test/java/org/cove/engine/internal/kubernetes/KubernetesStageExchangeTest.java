package org.cove.engine.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.LogCapture;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.shared.CoveException;
import org.cove.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the stage pods exchange with Cove ({@code StageExchange}, served by {@code StagesResource}):
 * only the job's own token opens it, outputs come once and only from the publish stage, names
 * cannot leave the job's outputs, and outputs past the job's quota end it with 42. Every refusal is
 * a 4xx {@link CoveException} whose detail, like every log line, names no server path.
 */
class KubernetesStageExchangeTest {

  @TempDir Path dataDir;
  KubeFixture kube;
  KubernetesBackend engine;
  LogCapture log;

  @BeforeEach
  void start() {
    log = LogCapture.of("org.cove");
    kube = new KubeFixture(dataDir);
    engine = kube.engine(KubeFixture.settings());
    engine.runtime().startController();
  }

  @AfterEach
  void stop() {
    kube.close();
    log.close();
    assertThat(log.lines()).noneMatch(line -> line.contains(dataDir.toString()));
  }

  @Test
  void the_jobs_token_gets_its_datasets_and_algorithm_and_hands_over_its_outputs()
      throws Exception {
    JobId id = kube.submit(engine, Specs.python("print('hi')").build());
    awaitPod(id, Stage.CONFIGURE);
    assertThat(
            KubernetesEngineJobsTest.entries(fetch(engine.exchange().datasets(id, kube.token(id)))))
        .contains("inputs/" + Specs.DATASET.hex() + "/0", "inputs/algoCustomData.json");
    assertThat(
            new String(
                fetch(engine.exchange().algorithm(id, kube.token(id))), StandardCharsets.UTF_8))
        .isEqualTo("print('hi')");
    kube.finish(id, Stage.CONFIGURE, 0);
    awaitPod(id, Stage.ALGORITHM);
    toPublishing(id);
    engine.exchange().receiveOutputs(id, kube.token(id), tar(file("./a/result.txt", "42\n")));
    kube.finish(id, Stage.PUBLISH, 0);
    Job job = awaitStatus(id, JobStatus.FINISHED);
    assertThat(job.results())
        .filteredOn(r -> r.type() == ResultType.OUTPUT)
        .extracting(JobResult::filename)
        .containsExactly("a/result.txt");
  }

  @Test
  void a_wrong_or_missing_token_and_an_unknown_job_are_the_same_not_found() throws Exception {
    JobId id = kube.submit(engine, Specs.python("1").build());
    JobId other = kube.submit(engine, Specs.python("2").build());
    awaitPod(id, Stage.CONFIGURE);
    awaitPod(other, Stage.CONFIGURE);
    List<String> tokens = new ArrayList<>();
    tokens.add(null);
    tokens.add("");
    tokens.add("0".repeat(64));
    tokens.add(kube.token(other));
    for (String token : tokens) {
      assertNotFound(() -> engine.exchange().datasets(id, token));
      assertNotFound(() -> engine.exchange().algorithm(id, token));
      assertNotFound(() -> engine.exchange().receiveOutputs(id, token, tar(file("x", "1"))));
    }
    JobId unknown = JobId.random();
    assertNotFound(() -> engine.exchange().datasets(unknown, kube.token(id)));
    assertNotFound(
        () -> engine.exchange().receiveOutputs(unknown, kube.token(id), tar(file("x", "1"))));
  }

  @Test
  void a_dataset_that_cannot_be_read_breaks_the_stream_without_naming_where_it_lives()
      throws Exception {
    JobId id = kube.submit(engine, Specs.python("1").build());
    awaitPod(id, Stage.CONFIGURE);
    kube.inputs.failDatasets = true;
    org.cove.operator.spi.StageExchange.Content datasets =
        engine.exchange().datasets(id, kube.token(id));
    assertThatThrownBy(() -> datasets.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("datasets")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("/secret"));
    assertThat(log.lines()).noneMatch(line -> line.contains("/secret"));
  }

  @Test
  void outputs_before_the_publish_stage_are_refused() throws Exception {
    JobId id = toAlgorithm(Specs.python("1"));
    assertRefused(
        () -> engine.exchange().receiveOutputs(id, kube.token(id), tar(file("early.txt", "x"))),
        409);
    assertThat(resultFiles(id)).isEmpty();
  }

  @Test
  void a_second_upload_is_refused_and_the_first_kept() throws Exception {
    JobId id = toAlgorithm(Specs.python("1"));
    toPublishing(id);
    engine.exchange().receiveOutputs(id, kube.token(id), tar(file("first.txt", "1")));
    assertRefused(
        () -> engine.exchange().receiveOutputs(id, kube.token(id), tar(file("second.txt", "2"))),
        409);
    kube.finish(id, Stage.PUBLISH, 0);
    Job job = awaitStatus(id, JobStatus.FINISHED);
    assertThat(job.results())
        .filteredOn(r -> r.type() == ResultType.OUTPUT)
        .extracting(JobResult::filename)
        .containsExactly("first.txt");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "./../x",
        "a/../../x",
        "a/../../../../../../../../tmp/cove-escape",
        "/tmp/cove-escape",
        "..",
        "a//b",
        "a\\..\\..\\x"
      })
  void an_output_name_that_leaves_the_outputs_is_refused_and_nothing_is_written(String name)
      throws Exception {
    JobId id = toAlgorithm(Specs.python("1"));
    toPublishing(id);
    Set<String> before = filesUnder(dataDir);
    assertRefused(
        () ->
            engine
                .exchange()
                .receiveOutputs(
                    id, kube.token(id), tar(file("fine.txt", "ok"), file(name, "escaped"))),
        400);
    assertThat(filesUnder(dataDir)).isEqualTo(before);
    assertThat(Path.of("/tmp/cove-escape")).doesNotExist();
    // refused whole: the publish pod may still hand over proper outputs
    engine.exchange().receiveOutputs(id, kube.token(id), tar(file("fine.txt", "ok")));
    assertThat(resultFiles(id)).containsExactly("outputs/fine.txt");
  }

  @Test
  void links_are_not_outputs_and_duplicates_or_a_broken_tar_are_refused() throws Exception {
    JobId id = toAlgorithm(Specs.python("1"));
    toPublishing(id);
    Set<String> before = filesUnder(dataDir);
    assertRefused(
        () ->
            engine
                .exchange()
                .receiveOutputs(
                    id, kube.token(id), tar(file("same.txt", "1"), file("./same.txt", "2"))),
        400);
    assertRefused(
        () ->
            engine
                .exchange()
                .receiveOutputs(
                    id, kube.token(id), tar(file("a", "file"), file("a/b", "under a file"))),
        400);
    byte[] garbage = "this is not a tar stream ".repeat(100).getBytes(StandardCharsets.UTF_8);
    assertRefused(
        () ->
            engine.exchange().receiveOutputs(id, kube.token(id), new ByteArrayInputStream(garbage)),
        400);
    byte[] whole = tar(file("big.txt", "x".repeat(5000))).readAllBytes();
    byte[] cut = java.util.Arrays.copyOf(whole, 2048);
    assertRefused(
        () -> engine.exchange().receiveOutputs(id, kube.token(id), new ByteArrayInputStream(cut)),
        400);
    assertThat(filesUnder(dataDir)).isEqualTo(before);

    engine
        .exchange()
        .receiveOutputs(
            id,
            kube.token(id),
            tar(
                file("real.txt", "ok"),
                link("passwd", "/etc/passwd", TarConstants.LF_SYMLINK),
                link("hard", "/etc/shadow", TarConstants.LF_LINK)));
    assertThat(resultFiles(id)).containsExactly("outputs/real.txt");
  }

  @Test
  void outputs_past_the_quota_are_cut_off_while_streaming_and_end_the_job_42_with_its_logs()
      throws Exception {
    // 1e-6 GB: about 1 KiB
    JobId id = toAlgorithm(Specs.python("1").disk(1e-6));
    long quota = engine.exchange().outputQuota(spec(id));
    assertThat(quota).isBetween(1000L, 1100L);
    toPublishing(id);
    AtomicLong sent = new AtomicLong();
    // an entry that claims 8 GB and would stream them: only a little past the quota is read
    InputStream endless = endlessTar(sent);
    assertRefused(() -> engine.exchange().receiveOutputs(id, kube.token(id), endless), 413);
    assertThat(sent.get()).isLessThan(quota + 1024 * 1024);
    assertThat(resultFiles(id)).isEmpty();
    assertThat(kube.resource(id).getStatus().failureCode)
        .isEqualTo(JobStatus.OUTPUT_LIMIT_EXCEEDED.code());
    // the publish script fails on the 413, so the pod fails: the job still ends 42
    kube.finish(id, Stage.PUBLISH, 1);
    Job job = awaitStatus(id, JobStatus.OUTPUT_LIMIT_EXCEEDED);
    assertThat(job.message()).hasValueSatisfying(m -> assertThat(m).contains("limit"));
    assertThat(job.results())
        .extracting(JobResult::type)
        .containsExactly(
            ResultType.ALGORITHM_LOG, ResultType.CONFIGURATION_LOG, ResultType.PUBLISH_LOG);
  }

  @Test
  void outputs_past_the_quota_end_the_job_42_even_when_the_publish_pod_succeeds() throws Exception {
    JobId id = toAlgorithm(Specs.python("1").disk(1e-6));
    toPublishing(id);
    assertRefused(
        () ->
            engine
                .exchange()
                .receiveOutputs(id, kube.token(id), tar(file("big.txt", "x".repeat(4000)))),
        413);
    kube.finish(id, Stage.PUBLISH, 0);
    awaitStatus(id, JobStatus.OUTPUT_LIMIT_EXCEEDED);
  }

  @Test
  void outputs_within_the_quota_are_kept() throws Exception {
    JobId id = toAlgorithm(Specs.python("1").disk(1e-6));
    toPublishing(id);
    engine.exchange().receiveOutputs(id, kube.token(id), tar(file("small.txt", "x".repeat(900))));
    kube.finish(id, Stage.PUBLISH, 0);
    awaitStatus(id, JobStatus.FINISHED);
  }

  @Test
  void a_finished_job_takes_nothing_more() throws Exception {
    JobId id = toAlgorithm(Specs.python("1"));
    String token = kube.token(id);
    toPublishing(id);
    kube.finish(id, Stage.PUBLISH, 0);
    awaitStatus(id, JobStatus.FINISHED);
    Eventually.until(
        "the token is deleted with the job's objects",
        KubeFixture.patience(),
        () ->
            kube.client
                    .secrets()
                    .inNamespace(KubeFixture.NAMESPACE)
                    .withName(JobNames.tokenSecret(id))
                    .get()
                == null);
    assertNotFound(() -> engine.exchange().datasets(id, token));
    assertNotFound(() -> engine.exchange().receiveOutputs(id, token, tar(file("late.txt", "x"))));
    assertThat(resultFiles(id)).noneMatch(f -> f.startsWith("outputs/"));
  }

  // --- helpers

  private org.cove.operator.JobSpec spec(JobId id) {
    return ComputeJobs.spec(kube.resource(id).getSpec());
  }

  private JobId toAlgorithm(Specs specs) {
    JobId id = kube.submit(engine, specs.build());
    awaitPod(id, Stage.CONFIGURE);
    kube.finish(id, Stage.CONFIGURE, 0);
    awaitPod(id, Stage.ALGORITHM);
    awaitStatus(id, JobStatus.RUNNING);
    return id;
  }

  private void toPublishing(JobId id) {
    kube.finish(id, Stage.ALGORITHM, 0);
    awaitPod(id, Stage.PUBLISH);
    awaitStatus(id, JobStatus.PUBLISHING);
  }

  private void awaitPod(JobId id, Stage stage) {
    Eventually.until(
        stage.label() + " pod", KubeFixture.patience(), () -> kube.pod(id, stage).isPresent());
  }

  private Job awaitStatus(JobId id, JobStatus status) {
    Eventually.until(
        "status " + status.code() + " (now " + kube.statusCode(id) + ")",
        KubeFixture.patience(),
        () ->
            kube.statusCode(id) == status.code()
                && engine.jobs().find(id).map(Job::status).orElse(null) == status);
    return engine.jobs().find(id).orElseThrow();
  }

  private void assertNotFound(ThrowingCall call) {
    assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class).hasMessage("no such job");
  }

  private void assertRefused(ThrowingCall call, int status) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            CoveException.class,
            e -> {
              assertThat(e.type().status()).isEqualTo(status);
              assertThat(e.detail()).doesNotContain(dataDir.toString()).doesNotContain("/tmp");
            });
  }

  @FunctionalInterface
  interface ThrowingCall {
    void run() throws Exception;
  }

  private static byte[] fetch(org.cove.operator.spi.StageExchange.Content content)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    content.writeTo(out);
    return out.toByteArray();
  }

  private Set<String> resultFiles(JobId id) throws IOException {
    Path job = dataDir.resolve("engine/kubernetes/results").resolve(id.value());
    Set<String> files = new TreeSet<>();
    for (String f : filesUnder(job)) {
      if (!f.startsWith("logs") && Files.isRegularFile(job.resolve(f))) {
        files.add(f);
      }
    }
    return files;
  }

  private static Set<String> filesUnder(Path root) throws IOException {
    Set<String> files = new TreeSet<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !p.equals(root))
          .filter(p -> !isLogBeingStored(p))
          .forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return files;
  }

  /**
   * The result store writes a log to a hidden temporary file in {@code logs/} and renames it: the
   * engine storing a log meanwhile is not something the refused request wrote (CI once caught one
   * such file in the "before" listing and not after).
   */
  private static boolean isLogBeingStored(Path path) {
    return path.getParent().getFileName().toString().equals("logs")
        && path.getFileName().toString().startsWith(".");
  }

  private record Entry(String name, byte[] data, byte flag, String link) {}

  private static Entry file(String name, String content) {
    return new Entry(name, content.getBytes(StandardCharsets.UTF_8), TarConstants.LF_NORMAL, null);
  }

  private static Entry link(String name, String target, byte flag) {
    return new Entry(name, new byte[0], flag, target);
  }

  private static InputStream tar(Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.flag(), true);
        if (e.link() != null) {
          entry.setLinkName(e.link());
        }
        entry.setSize(e.data().length);
        tar.putArchiveEntry(entry);
        tar.write(e.data());
        tar.closeArchiveEntry();
      }
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  /** A tar whose one entry claims 8 GB and streams zeros for as long as it is read. */
  private static InputStream endlessTar(AtomicLong sent) {
    TarArchiveEntry entry = new TarArchiveEntry("huge.bin");
    entry.setSize(077777777777L);
    byte[] head = new byte[512];
    entry.writeEntryHeader(head);
    return new InputStream() {
      @Override
      public int read() {
        long at = sent.getAndIncrement();
        return at < head.length ? head[(int) at] & 0xff : 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          b[off + i] = (byte) read();
        }
        return len;
      }
    };
  }
}
