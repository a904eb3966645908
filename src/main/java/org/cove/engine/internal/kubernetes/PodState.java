package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;
import java.util.Set;

/**
 * What a stage pod says about its stage, read from its status alone: still going, succeeded, or
 * failed and why (its exit code, out of memory, evicted, past its deadline, its node lost, an image
 * that cannot run).
 */
record PodState(Kind kind, Optional<Integer> exitCode, Reason reason, String detail) {

  enum Kind {
    MISSING,
    ACTIVE,
    SUCCEEDED,
    FAILED
  }

  enum Reason {
    NONE,
    EXIT_CODE,
    OUT_OF_MEMORY,
    EVICTED,
    DEADLINE,
    NODE_LOST,
    UNRUNNABLE
  }

  /** Waiting reasons that never resolve on their own. */
  private static final Set<String> UNRUNNABLE =
      Set.of(
          "InvalidImageName",
          "ErrImageNeverPull",
          "CreateContainerConfigError",
          "CreateContainerError");

  static final PodState MISSING = new PodState(Kind.MISSING, Optional.empty(), Reason.NONE, "");

  static PodState of(Pod pod) {
    if (pod == null) {
      return MISSING;
    }
    PodStatus status = pod.getStatus();
    String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    Optional<ContainerStateTerminated> terminated = terminated(status);
    Optional<Integer> exit = terminated.map(ContainerStateTerminated::getExitCode);
    switch (phase) {
      case "Succeeded":
        return new PodState(Kind.SUCCEEDED, exit.or(() -> Optional.of(0)), Reason.NONE, "");
      case "Failed":
        return failed(status, terminated, exit);
      case "Unknown":
        return new PodState(
            Kind.FAILED, exit, Reason.NODE_LOST, "the pod's node stopped reporting");
      default:
        return waiting(status)
            .map(why -> new PodState(Kind.FAILED, Optional.empty(), Reason.UNRUNNABLE, why))
            .orElse(new PodState(Kind.ACTIVE, Optional.empty(), Reason.NONE, ""));
    }
  }

  private static PodState failed(
      PodStatus status, Optional<ContainerStateTerminated> terminated, Optional<Integer> exit) {
    String podReason = status.getReason() == null ? "" : status.getReason();
    String message = status.getMessage() == null ? "" : status.getMessage();
    if ("DeadlineExceeded".equals(podReason)) {
      return new PodState(Kind.FAILED, exit, Reason.DEADLINE, "the stage ran past its deadline");
    }
    if ("Evicted".equals(podReason)) {
      return new PodState(
          Kind.FAILED, exit, Reason.EVICTED, "the pod was evicted" + suffix(message));
    }
    if (terminated.map(t -> "OOMKilled".equals(t.getReason())).orElse(false)) {
      return new PodState(
          Kind.FAILED, exit, Reason.OUT_OF_MEMORY, "killed for using more memory than allowed");
    }
    if (exit.isPresent()) {
      return new PodState(
          Kind.FAILED, exit, Reason.EXIT_CODE, "exited with code " + exit.get() + suffix(message));
    }
    return new PodState(Kind.FAILED, exit, Reason.NODE_LOST, "the pod failed" + suffix(message));
  }

  private static Optional<ContainerStateTerminated> terminated(PodStatus status) {
    if (status == null || status.getContainerStatuses() == null) {
      return Optional.empty();
    }
    return status.getContainerStatuses().stream()
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getTerminated() != null)
        .map(ContainerState::getTerminated)
        .findFirst();
  }

  private static Optional<String> waiting(PodStatus status) {
    if (status == null || status.getContainerStatuses() == null) {
      return Optional.empty();
    }
    return status.getContainerStatuses().stream()
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getWaiting() != null)
        .map(s -> s.getWaiting().getReason())
        .filter(UNRUNNABLE::contains)
        .map(reason -> "the container cannot start: " + reason)
        .findFirst();
  }

  private static String suffix(String message) {
    return message.isBlank() ? "" : ": " + message;
  }

  boolean ended() {
    return kind == Kind.SUCCEEDED || kind == Kind.FAILED;
  }
}
