package org.cove.engine.internal.kubernetes;

import org.cove.operator.JobStatus;

/** The coarse, Kubernetes-style summary of an Ocean status, as {@code kubectl get} shows it. */
final class Phases {

  private Phases() {}

  static String of(JobStatus status) {
    if (status.terminal()) {
      return status.failed() ? "Failed" : "Succeeded";
    }
    return switch (status.stage()) {
      case QUEUE -> "Pending";
      case CONFIGURE -> "Configuring";
      case ALGORITHM -> "Running";
      case PUBLISH -> "Publishing";
    };
  }
}
