package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cove.engine.internal.core.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogKillTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path outputs;

  @AfterEach
  void noStrayProcess() {
    withOutputsOnTheirCommandLine().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void killsAProcessThatLeftTheTreeButNamesTheJobsOutputs() throws Exception {
    // the subshell starts the stray and exits at once: the stray is reparented to init, as bwrap's
    // child is when bwrap dies before that child set its death signal
    Process algorithm =
        new ProcessBuilder(
                "sh",
                "-c",
                "(python3 -c 'import time; time.sleep(300)' \"$0\" &); exec sleep 300",
                outputs.toString())
            .start();
    Eventually.until(
        "the stray to start", PATIENCE, () -> !withOutputsOnTheirCommandLine().isEmpty());
    ProcessHandle stray = withOutputsOnTheirCommandLine().get(0);
    assertThat(algorithm.descendants()).doesNotContain(stray);

    Watchdog.kill(algorithm, outputs);

    assertThat(algorithm.isAlive()).isFalse();
    Eventually.until("the stray to die", PATIENCE, () -> !stray.isAlive());
  }

  @Test
  void leavesProcessesOfOtherJobsAlone() throws Exception {
    // a path that merely starts with this job's is another job's
    Path otherJob = outputs.resolveSibling(outputs.getFileName() + "-other");
    Process other =
        new ProcessBuilder("python3", "-c", "import time; time.sleep(300)", otherJob.toString())
            .start();
    Process algorithm = new ProcessBuilder("sleep", "300").start();
    try {
      Watchdog.kill(algorithm, outputs);

      assertThat(algorithm.isAlive()).isFalse();
      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  private List<ProcessHandle> withOutputsOnTheirCommandLine() {
    return ProcessHandle.allProcesses()
        .filter(
            p -> p.info().commandLine().map(line -> Watchdog.names(line, outputs)).orElse(false))
        .filter(p -> p.info().command().map(c -> c.contains("python")).orElse(false))
        .toList();
  }
}
