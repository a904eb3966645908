package org.cove.operator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a job is. The codes are Ocean's (C2D v1 and ocean-node) so Ocean clients read them the same
 * way; the failure codes say why a job ended without finishing. A job has ended when its status is
 * {@linkplain #terminal() terminal}; every terminal status except {@link #FINISHED} is a failure,
 * and all of them come after the logs were published where there were any.
 */
public enum JobStatus {
  QUEUED(1, "Job queued", Stage.QUEUE, false),
  CONFIGURING(20, "Configuring volumes", Stage.CONFIGURE, false),
  PROVISIONED(30, "Provisioning success", Stage.CONFIGURE, false),
  DATA_PROVISIONING_FAILED(31, "Data provisioning failed", Stage.CONFIGURE, true),
  ALGORITHM_PROVISIONING_FAILED(32, "Algorithm provisioning failed", Stage.CONFIGURE, true),
  RUNNING(40, "Running algorithm", Stage.ALGORITHM, false),
  ALGORITHM_FAILED(41, "Failed to run algorithm", Stage.ALGORITHM, true),
  OUTPUT_LIMIT_EXCEEDED(42, "Error: output quota exceeded", Stage.ALGORITHM, true),
  TIMED_OUT(43, "Algorithm timed out", Stage.ALGORITHM, true),
  STOPPED(44, "Job stopped", Stage.ALGORITHM, true),
  INTERRUPTED(45, "Interrupted by a restart", Stage.ALGORITHM, true),
  PUBLISHING(60, "Publishing results", Stage.PUBLISH, false),
  PUBLISH_FAILED(62, "Failed to publish results", Stage.PUBLISH, true),
  FINISHED(70, "Job finished", Stage.PUBLISH, true);

  /** The stages a job goes through, in order; the portal's progress bar shows them. */
  public enum Stage {
    QUEUE,
    CONFIGURE,
    ALGORITHM,
    PUBLISH
  }

  private final int code;
  private final String text;
  private final Stage stage;
  private final boolean terminal;

  JobStatus(int code, String text, Stage stage, boolean terminal) {
    this.code = code;
    this.text = text;
    this.stage = stage;
    this.terminal = terminal;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  public Stage stage() {
    return stage;
  }

  public boolean terminal() {
    return terminal;
  }

  public boolean failed() {
    return terminal && this != FINISHED;
  }

  public static Optional<JobStatus> ofCode(int code) {
    return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
  }
}
