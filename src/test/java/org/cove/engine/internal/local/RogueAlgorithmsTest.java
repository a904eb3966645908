package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rogue corpus ({@code src/test/resources/rogue/}): each algorithm tries one way out, runs
 * through the real engine in the real sandbox, and the test checks it was contained, not merely
 * that it ran.
 */
class RogueAlgorithmsTest {

  @TempDir static Path dataDir;
  static EngineFixture fixture;
  static Path keyFile;
  static String canary;
  static Path otherJob;
  static ServerSocket listener;
  static final AtomicInteger accepted = new AtomicInteger();
  static int acceptedBefore;

  /** One rogue: its script, the job it runs in, and what containment means for it. */
  record Rogue(String script, Function<Specs, Specs> job, BiConsumer<JobId, Job> contained) {
    @Override
    public String toString() {
      return script;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    fixture = new EngineFixture(dataDir, EngineFixture.settings());
    canary = "CANARY-" + UUID.randomUUID();
    keyFile = Files.createDirectories(dataDir.resolve("keys")).resolve("provider.key");
    Files.writeString(keyFile, canary);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    JobId other =
        fixture.submit(
            Specs.python("open('/data/outputs/secret.txt','w').write('" + canary + "')").build());
    fixture.awaitFinished(other);
    otherJob = fixture.jobDirectory(other);
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                  accepted.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterAll
  static void stop() throws IOException {
    listener.close();
    fixture.close();
  }

  static Stream<Rogue> corpus() {
    return Stream.of(
        new Rogue(
            "network.py",
            job -> {
              acceptedBefore = accepted.get();
              return job.customData("port", String.valueOf(listener.getLocalPort()));
            },
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
              String log = fixture.log(id, ResultType.ALGORITHM_LOG);
              assertThat(log)
                  .contains("blocked 127.0.0.1", "blocked 1.1.1.1")
                  .doesNotContain("CONNECTED");
              assertThat(accepted).hasValue(acceptedBefore);
            }),
        new Rogue(
            "write_inputs.py",
            job -> job,
            (id, job) -> {
              String log = fixture.log(id, ResultType.ALGORITHM_LOG);
              assertThat(log).doesNotContain("WROTE", "REMOVED");
              // refused twice by permissions (Cove owns the files), twice by the read-only mount
              assertThat(Pattern.compile("(?m)^refused ").matcher(log).results().count())
                  .isEqualTo(4);
              assertThat(log).contains("Read-only file system");
              assertThat(fixture.output(id, "after.txt")).isEqualTo("default content\n");
            }),
        new Rogue(
            "other_job.py",
            job -> job.customData("job", otherJob.toString()),
            (id, job) -> {
              String log = fixture.log(id, ResultType.ALGORITHM_LOG);
              assertThat(log).doesNotContain("SEEN").contains("does not exist here");
              assertThat(fixture.everything(id)).doesNotContain(canary);
            }),
        new Rogue(
            "provider_key.py",
            job ->
                job.customData("key", keyFile.toString()).customData("dataDir", dataDir.toString()),
            (id, job) -> {
              String log = fixture.log(id, ResultType.ALGORITHM_LOG);
              assertThat(log).doesNotContain("SEEN", "FOUND").contains("not visible");
              assertThat(fixture.everything(id)).doesNotContain(canary);
            }),
        new Rogue(
            "fork_bomb.py",
            job -> job,
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
              Matcher refused =
                  Pattern.compile("fork refused after (\\d+) children")
                      .matcher(fixture.log(id, ResultType.ALGORITHM_LOG));
              assertThat(refused.find()).isTrue();
              assertThat(Integer.parseInt(refused.group(1))).isLessThan(64);
              // the children died with the sandbox: nothing of the sandbox user is left on the host
              Eventually.until(
                  "the sandbox's processes to end",
                  EngineFixture.PATIENCE,
                  () -> processesOf(65534) == 0);
            }),
        new Rogue(
            "priority.py",
            job -> job,
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
              String niceness = String.valueOf(ResourceLimits.NICENESS);
              assertThat(fixture.log(id, ResultType.ALGORITHM_LOG))
                  .contains("niceness " + niceness, "child niceness " + niceness, "refused raise")
                  .doesNotContain("RAISED");
            }),
        new Rogue(
            "memory.py",
            job -> job.ram(0.5),
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.ALGORITHM_FAILED);
              assertThat(job.exitCode()).contains(1);
              assertThat(fixture.log(id, ResultType.ALGORITHM_LOG)).contains("MemoryError");
            }),
        new Rogue(
            "huge_file.py",
            job -> job.disk(0.002),
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.OUTPUT_LIMIT_EXCEEDED);
              assertThat(fixture.log(id, ResultType.ALGORITHM_LOG)).contains("File too large");
              assertThat(outputBytes(job)).isLessThanOrEqualTo(gigabytes(0.002));
            }),
        new Rogue(
            "many_files.py",
            job -> job.disk(0.01),
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.OUTPUT_LIMIT_EXCEEDED);
              assertThat(job.message())
                  .hasValueSatisfying(m -> assertThat(m).contains("outputs reached their limit"));
            }),
        new Rogue(
            "sleep.py",
            job -> job.maxDuration(Duration.ofSeconds(2)),
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.TIMED_OUT);
              assertThat(
                      Duration.between(
                          job.timeline().get(JobStatus.RUNNING), job.dateFinished().orElseThrow()))
                  .isLessThan(Duration.ofSeconds(2 + 10));
            }),
        new Rogue(
            "mountinfo.sh",
            job -> job.image("alpine", "3.19", "sh $ALGO"),
            (id, job) -> {
              String log = fixture.log(id, ResultType.ALGORITHM_LOG);
              assertThat(log).contains("/data/inputs", PathRedactor.MARK);
              assertThat(log).doesNotContain(dataDir.toString(), realPath(dataDir));
              assertThat(fixture.everything(id)).doesNotContain(dataDir.toString());
            }),
        new Rogue(
            "symlink_key.py",
            job -> job.customData("key", keyFile.toString()),
            (id, job) -> {
              assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
              assertThat(job.results())
                  .filteredOn(r -> r.type() == ResultType.OUTPUT)
                  .extracting(JobResult::filename)
                  .containsExactly("fine.txt");
              assertThat(fixture.log(id, ResultType.PUBLISH_LOG))
                  .contains("skipped key: a symbolic link", "skipped root: a symbolic link")
                  .contains("skipped sub/key2: a symbolic link", "skipped fifo: a special file");
              assertThat(fixture.everything(id)).doesNotContain(canary);
            }));
  }

  @ParameterizedTest(name = "{0} is contained")
  @MethodSource("corpus")
  void rogue_algorithm_is_contained(Rogue rogue) {
    String script = script(rogue.script());
    Specs spec = rogue.job().apply(Specs.python(script));
    JobId id = fixture.submit(spec.build());

    Job job = fixture.awaitFinished(id);

    rogue.contained().accept(id, job);
    assertThat(fixture.jobDirectory(id).resolve("data")).doesNotExist();
  }

  @Test
  void with_network_allowed_an_algorithm_reaches_a_local_listener() {
    int before = accepted.get();
    JobId id =
        fixture.submit(
            Specs.python(script("network.py"))
                .network(true)
                .customData("port", String.valueOf(listener.getLocalPort()))
                .build());

    fixture.awaitFinished(id);

    assertThat(fixture.log(id, ResultType.ALGORITHM_LOG)).contains("CONNECTED 127.0.0.1");
    Eventually.until(
        "the listener to count the connection",
        EngineFixture.PATIENCE,
        () -> accepted.get() > before);
  }

  private static String script(String name) {
    try (InputStream in = RogueAlgorithmsTest.class.getResourceAsStream("/rogue/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long outputBytes(Job job) {
    return job.results().stream()
        .filter(r -> r.type() == ResultType.OUTPUT)
        .mapToLong(JobResult::filesize)
        .sum();
  }

  private static long gigabytes(double amount) {
    return (long) (amount * 1024 * 1024 * 1024);
  }

  private static String realPath(Path path) {
    try {
      return path.toRealPath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Processes on the host owned by {@code uid}, read from /proc. */
  private static long processesOf(int uid) {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      List<Path> pids = entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
      return pids.stream()
          .filter(
              p -> {
                try {
                  return ((Number) Files.getAttribute(p, "unix:uid")).intValue() == uid;
                } catch (IOException | RuntimeException e) {
                  return false;
                }
              })
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
