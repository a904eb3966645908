package org.cove.engine.internal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The algorithm's live log on the kubernetes engine, as {@code LiveLogs} follows it (by offset, a
 * few times a second): the running pod's log in whole lines, then, once the pod ended, the log the
 * engine copied from it, so the last lines reach a follower too. The mock API server answers the
 * pod's log as it grows.
 */
class KubernetesEngineLiveLogTest {

  @TempDir Path dataDir;
  KubeFixture kube;
  KubernetesBackend engine;

  @BeforeEach
  void start() {
    kube = new KubeFixture(dataDir);
    engine = kube.engine(KubeFixture.settings());
    engine.runtime().startController();
  }

  @AfterEach
  void stop() {
    kube.close();
  }

  @Test
  void a_follower_reads_the_running_pods_whole_lines_then_the_rest_once_it_ended()
      throws Exception {
    JobId id = JobId.random();
    answer(id, Stage.CONFIGURE, "configured\n");
    answer(id, Stage.PUBLISH, "published\n");
    // the algorithm pod's log as it grows: two looks while it runs, then its final log
    logOnce(id, "one\ntw");
    logOnce(id, "one\ntwo\nthr");
    answer(id, Stage.ALGORITHM, "one\ntwo\nthree\nfour");
    engine.jobs().submit(id, Specs.python("1").build());
    awaitPod(id, Stage.CONFIGURE);
    kube.finish(id, Stage.CONFIGURE, 0);
    awaitPod(id, Stage.ALGORITHM);
    awaitStatus(id, JobStatus.RUNNING);

    assertThat(read(engine.jobs().openLiveLog(id, 0))).isEqualTo("one\n");
    assertThat(read(engine.jobs().openLiveLog(id, 4))).isEqualTo("two\n");

    kube.finish(id, Stage.ALGORITHM, 0);
    awaitStatus(id, JobStatus.PUBLISHING);
    assertThat(read(engine.jobs().openLiveLog(id, 8))).isEqualTo("three\nfour");

    kube.finish(id, Stage.PUBLISH, 0);
    awaitStatus(id, JobStatus.FINISHED);
    assertThat(read(engine.jobs().openLiveLog(id, 0))).isEqualTo("one\ntwo\nthree\nfour");
    assertThat(engine.jobs().openLiveLog(id, 18)).isEmpty();
  }

  @Test
  void a_running_pod_whose_log_cannot_be_read_yet_gives_nothing_rather_than_failing()
      throws Exception {
    JobId id = JobId.random();
    answer(id, Stage.CONFIGURE, "configured\n");
    String pod = JobNames.pod(id, Stage.ALGORITHM, 1);
    kube.server
        .expect()
        .get()
        .withPath(logPath(pod))
        .andReturn(400, "{\"kind\":\"Status\",\"message\":\"container is waiting to start\"}")
        .once();
    engine.jobs().submit(id, Specs.python("1").build());
    awaitPod(id, Stage.CONFIGURE);
    kube.finish(id, Stage.CONFIGURE, 0);
    awaitStatus(id, JobStatus.RUNNING);
    assertThat(engine.jobs().openLiveLog(id, 0)).isEmpty();
  }

  private void answer(JobId id, Stage stage, String log) {
    kube.server
        .expect()
        .get()
        .withPath(logPath(JobNames.pod(id, stage, 1)))
        .andReturn(200, log)
        .always();
  }

  private void logOnce(JobId id, String log) {
    kube.server
        .expect()
        .get()
        .withPath(logPath(JobNames.pod(id, Stage.ALGORITHM, 1)))
        .andReturn(200, log)
        .once();
  }

  private static String logPath(String pod) {
    return "/api/v1/namespaces/" + KubeFixture.NAMESPACE + "/pods/" + pod + "/log?pretty=false";
  }

  private static String read(Optional<InputStream> log) throws IOException {
    assertThat(log).isPresent();
    try (InputStream in = log.get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void awaitPod(JobId id, Stage stage) {
    Eventually.until(
        stage.label() + " pod", KubeFixture.patience(), () -> kube.pod(id, stage).isPresent());
  }

  private void awaitStatus(JobId id, JobStatus status) {
    Eventually.until(
        "status " + status.code() + " (now " + kube.statusCode(id) + ")",
        KubeFixture.patience(),
        () ->
            kube.statusCode(id) == status.code()
                && engine.jobs().find(id).map(Job::status).orElse(null) == status);
  }
}
