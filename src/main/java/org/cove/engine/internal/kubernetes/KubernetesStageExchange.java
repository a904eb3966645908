package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.CoveException;
import org.cove.shared.NotFoundException;
import org.cove.shared.ProblemType;

/**
 * The {@code kubernetes} backend's side of the stage pods' calls: the configure pod fetches the
 * job's inputs, the publish pod hands back its outputs, counted against the job's quota as they
 * stream. Each call must carry the job's token (its secret's) and come while the job has not gone
 * past the stage that makes it.
 */
final class KubernetesStageExchange implements StageExchange {

  private final KubernetesClient client;
  private final KubernetesSettings settings;
  private final JobCache cache;
  private final StageFiles stageFiles;
  private final ResultStore results;
  private final StatusWriter statuses;

  KubernetesStageExchange(
      KubernetesClient client,
      KubernetesSettings settings,
      JobCache cache,
      StageFiles stageFiles,
      ResultStore results,
      StatusWriter statuses) {
    this.client = client;
    this.settings = settings;
    this.cache = cache;
    this.stageFiles = stageFiles;
    this.results = results;
    this.statuses = statuses;
  }

  @Override
  public Content datasets(JobId id, String token) {
    JobSpec spec = authorised(id, token, JobStatus.Stage.CONFIGURE);
    return out -> withoutLocations(id, "datasets", () -> stageFiles.writeDatasets(spec, out));
  }

  @Override
  public Content algorithm(JobId id, String token) {
    JobSpec spec = authorised(id, token, JobStatus.Stage.CONFIGURE);
    return out -> withoutLocations(id, "algorithm", () -> stageFiles.writeAlgorithm(spec, out));
  }

  /**
   * Runs a write whose failure may name files of the provider's storage (a dataset it could not
   * read): the failure that leaves, to the HTTP layer and its log, says what failed, not where.
   */
  private static void withoutLocations(JobId id, String what, Write write) throws IOException {
    try {
      write.run();
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "the "
              + what
              + " of job "
              + id
              + " could not be provided ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }

  /**
   * Takes the publish pod's outputs, counted against the job's quota as they stream. Outputs past
   * the quota are not kept and the job will end with 42 whatever the publish pod does next; its
   * logs are published as for any ending.
   */
  @Override
  public void receiveOutputs(JobId id, String token, InputStream tar) throws IOException {
    JobSpec spec = authorised(id, token, JobStatus.Stage.PUBLISH);
    if (!publishing(id)) {
      throw new CoveException(ProblemType.CONFLICT, "the job is not publishing yet");
    }
    long quota = outputQuota(spec);
    try {
      results.receiveOutputs(id, tar, quota);
    } catch (OutputsReceiver.QuotaExceeded e) {
      statuses.update(id.value(), s -> StatusChanges.outputQuotaExceeded(s, e.getMessage()));
      throw e;
    }
  }

  /**
   * Outputs come from the publish stage only: the status says so, or the publish pod exists (it is
   * created just before the status is written).
   */
  private boolean publishing(JobId id) {
    ComputeJob job = cache.find(id).orElseThrow(() -> new NotFoundException("no such job"));
    if (ComputeJobs.status(job) == JobStatus.PUBLISHING) {
      return true;
    }
    return client
            .pods()
            .inNamespace(settings.namespace())
            .withName(JobNames.pod(id, Stage.PUBLISH, ComputeJobs.attempt(job)))
            .get()
        != null;
  }

  /** The job's {@code disk} (GB), as the local engine counts it; else the job volume's size. */
  long outputQuota(JobSpec spec) {
    double disk = spec.amount("disk", 0);
    if (disk > 0) {
      return (long) (disk * 1024 * 1024 * 1024);
    }
    return Quantity.getAmountInBytes(new Quantity(settings.volumeSize())).longValue();
  }

  /**
   * The job's spec when the token is the job's and the job has not gone past the stage that asks; a
   * wrong token is "not found", so a caller learns nothing about other jobs. A stage's pod is
   * created before the status says so (a crash in between must not lose it), so the check is "not
   * past", not "in".
   */
  private JobSpec authorised(JobId id, String token, JobStatus.Stage stage) {
    NotFoundException refused = new NotFoundException("no such job");
    ComputeJob job = cache.find(id).orElseThrow(() -> refused);
    Secret secret =
        client.secrets().inNamespace(settings.namespace()).withName(JobNames.tokenSecret(id)).get();
    if (token == null || secret == null || !matches(secret, token)) {
      throw refused;
    }
    JobStatus status = ComputeJobs.status(job);
    if (status.terminal() || status.stage().compareTo(stage) > 0) {
      throw new CoveException(ProblemType.CONFLICT, "the job is past that stage");
    }
    return ComputeJobs.spec(job.getSpec());
  }

  private static boolean matches(Secret secret, String token) {
    String stored = null;
    if (secret.getData() != null && secret.getData().get(JobManifests.TOKEN_KEY) != null) {
      stored =
          new String(
              Base64.getDecoder().decode(secret.getData().get(JobManifests.TOKEN_KEY)),
              StandardCharsets.UTF_8);
    } else if (secret.getStringData() != null) {
      stored = secret.getStringData().get(JobManifests.TOKEN_KEY);
    }
    return stored != null
        && MessageDigest.isEqual(
            stored.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
