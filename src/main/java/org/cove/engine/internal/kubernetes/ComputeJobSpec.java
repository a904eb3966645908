package org.cove.engine.internal.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ComputeJob} asks for, fixed when the provider accepted the job (only {@code
 * stopRequested} and {@code stopReason} change later). Plain data for Jackson and the CRD
 * generator: field names are the resource's schema. {@code parameters} is the consumer's {@code
 * algoCustomData.json} as JSON text, so the algorithm reads exactly the bytes' meaning it was sent
 * (no number re-formatting).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeJobSpec {

  /** The consumer's address (0x…, as signed). */
  @Required public String owner;

  /** The first is the dataset whose compute service was asked; the others are additional. */
  @Required public List<Dataset> datasets = new ArrayList<>();

  @Required public Algorithm algorithm;

  /** The compute environment's id. */
  @Required public String environment;

  public List<Resource> resources = new ArrayList<>();

  /** The algorithm stage's deadline. */
  @Required public long maxDurationSeconds;

  /** {@code algoCustomData.json}: a JSON object as text. */
  public String parameters = "{}";

  public List<String> additionalViewers = new ArrayList<>();

  public boolean publishOutput;

  public boolean allowNetwork;

  /** Set by a stop request; the running stage ends and the logs are still published. */
  public boolean stopRequested;

  /** Why the job was asked to stop, when the request said (a revocation); its ending message. */
  public String stopReason;

  /** When the provider accepted the job (RFC 3339, milliseconds), for newest-first lists. */
  public String submittedAt;

  /** A dataset the job reads: its files appear under {@code /data/inputs/<did>/<n>}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Dataset {
    @Required public String did;
    public String serviceId;
    public String publisher;
  }

  /** A published algorithm ({@code did} set) or raw code sent with the request. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Algorithm {
    public String did;
    public String serviceId;
    public String publisher;
    @Required public Container container;

    /** The code of a raw algorithm; absent for a published one. */
    public String rawCode;
  }

  /** The image the algorithm runs in, pinned by {@code checksum} ("sha256:…"). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Container {
    @Required public String image;
    public String tag;
    @Required public String checksum;
    @Required public String entrypoint;
  }

  /** An amount of one resource of the environment: cpu (cores), ram and disk (GB), gpu. */
  public static class Resource {
    @Required public String id;
    public double amount;
  }
}
