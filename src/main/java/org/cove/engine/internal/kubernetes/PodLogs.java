package org.cove.engine.internal.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.operator.JobId;
import org.cove.shared.LogSafe;

/** Copies a stage pod's log into the result store before the pod can go. */
final class PodLogs {

  private static final Logger LOG = Logger.getLogger(PodLogs.class.getName());

  private final JobObjects cluster;
  private final ResultStore results;
  private final Steps steps;

  PodLogs(JobObjects cluster, ResultStore results, Steps steps) {
    this.cluster = cluster;
    this.results = results;
    this.steps = steps;
  }

  void save(JobId id, Stage stage, String pod) {
    try (InputStream log = cluster.log(pod)) {
      results.saveLog(id, stage, log);
      steps.reached("log:" + pod);
    } catch (IOException | RuntimeException e) {
      // a pod whose log cannot be read (its node is gone) still ends its stage
      LogSafe.log(LOG, Level.FINE, "The log of pod " + pod + " could not be read", e);
    }
  }

  /** Copies the pod's log (if it can still be read), then deletes the pod. */
  void saveAndDelete(JobId id, Stage stage, String pod, PodState state) {
    if (state.kind() != PodState.Kind.MISSING) {
      save(id, stage, pod);
      cluster.deletePod(pod);
    }
  }
}
