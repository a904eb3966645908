package org.cove.engine.internal.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link ComputeJob} is, written only by the engine's controller through the status
 * subresource. {@code statusCode}/{@code statusText} are Ocean's; {@code phase} is the coarse
 * Kubernetes-style summary; {@code timeline} holds when each status code was reached; {@code
 * attempt} names the current set of stage pods ({@code <job>-configure-<attempt>} …).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeJobStatus {

  public int statusCode;
  public String statusText;

  /** Pending, Configuring, Running, Publishing, Succeeded or Failed. */
  public String phase;

  /** Status code (as text) → when it was reached (RFC 3339). */
  public Map<String, String> timeline = new LinkedHashMap<>();

  public int attempt;

  /** The algorithm's real exit code, once it ended. */
  public Integer exitCode;

  /** Set when the algorithm or a stage ended badly: the terminal status the job goes to. */
  public Integer failureCode;

  public List<Result> results = new ArrayList<>();

  /** Why a job failed, in words the consumer can act on. */
  public String message;

  public List<Condition> conditions = new ArrayList<>();

  public Long observedGeneration;

  /**
   * Set once the ledger holds every status of the finished job, so that a restarted engine does not
   * ask the ledger again about jobs long done.
   */
  public Boolean ledgered;

  /** One file the job produced, as Ocean lists it. */
  public static class Result {
    public int index;

    /** output, algorithmLog, configurationLog or publishLog. */
    public String type;

    public String filename;
    public long filesize;
  }
}
