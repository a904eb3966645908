package org.cove.operator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where jobs run and within which limits: resources with their total, per-job min and max, job
 * durations in seconds, how many jobs may run at once, how long results are kept, whether
 * algorithms may use the network, and prices per resource per minute (zero: free). The optional
 * free tier has its own, usually smaller, limits.
 */
public record ComputeEnvironment(
    String id,
    String description,
    String architecture,
    String os,
    List<Resource> resources,
    long minJobDuration,
    long maxJobDuration,
    int maxJobs,
    long storageExpiry,
    boolean enableNetwork,
    Optional<Fees> fees,
    Optional<FreeTier> free) {

  public ComputeEnvironment {
    resources = List.copyOf(resources);
  }

  /** One resource: cpu (cores), ram and disk (GB), or a GPU id. */
  public record Resource(String id, String description, double total, double min, double max) {}

  /** Prices per unit per minute, in {@code token} (absent: the native coin) on {@code chainId}. */
  public record Fees(long chainId, Optional<String> token, Map<String, BigDecimal> prices) {
    public Fees {
      prices = Map.copyOf(prices);
    }
  }

  /** The limits of jobs that pay nothing. */
  public record FreeTier(
      long maxJobDuration, long minJobDuration, int maxJobs, List<Resource> resources) {
    public FreeTier {
      resources = List.copyOf(resources);
    }
  }

  public Optional<Resource> resource(String id) {
    return resources.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * The resources a job gets: each resource of the environment at the requested amount, or at its
   * minimum when not requested or requested below it. Refuses amounts above the maximum (of the
   * free tier, for free jobs) and unknown resources.
   */
  public List<JobSpec.ResourceAmount> resolve(
      List<JobSpec.ResourceAmount> requested, boolean free) {
    List<Resource> limits =
        free && this.free.isPresent() && !this.free.get().resources().isEmpty()
            ? this.free.get().resources()
            : resources;
    for (JobSpec.ResourceAmount r : requested) {
      if (resource(r.id()).isEmpty()) {
        throw ComputeRefusal.of("unknown_resource", "the environment has no resource " + r.id());
      }
      if (!(r.amount() >= 0) || Double.isInfinite(r.amount())) {
        throw ComputeRefusal.of("invalid_resources", "resource amounts must be positive numbers");
      }
    }
    List<JobSpec.ResourceAmount> resolved = new ArrayList<>();
    for (Resource limit : limits) {
      double amount =
          requested.stream()
              .filter(r -> r.id().equals(limit.id()))
              .mapToDouble(JobSpec.ResourceAmount::amount)
              .findFirst()
              .orElse(limit.min());
      amount = Math.max(amount, limit.min());
      if (amount > limit.max()) {
        throw ComputeRefusal.of(
            "not_enough_resources",
            "at most " + format(limit.max()) + " " + limit.id() + " per job here");
      }
      resolved.add(new JobSpec.ResourceAmount(limit.id(), amount));
    }
    return resolved;
  }

  /** The longest a job may run here: the environment's limit, or the free tier's. */
  public long maxDuration(boolean free) {
    return free ? this.free.map(FreeTier::maxJobDuration).orElse(maxJobDuration) : maxJobDuration;
  }

  public long minDuration(boolean free) {
    return free ? this.free.map(FreeTier::minJobDuration).orElse(minJobDuration) : minJobDuration;
  }

  public int maxJobs(boolean free) {
    return free ? this.free.map(FreeTier::maxJobs).orElse(maxJobs) : maxJobs;
  }

  /** Whether every price is zero, so paid starts cost nothing either. */
  public boolean costsNothing() {
    return fees.map(f -> f.prices().values().stream().allMatch(p -> p.signum() == 0)).orElse(true);
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
