package org.cove.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.JobSpec;

/**
 * The answer to initializeCompute: the request passed every check a start would make, and this is
 * what the job would get and cost. {@code cost} is in {@code token} (absent: the native coin) of
 * {@code chainId}; zero for free jobs. {@code payments} lists every priced item (datasets, the
 * algorithm, the environment) with its payee: each is paid with its own transaction.
 */
public record ComputeQuote(
    ComputeEnvironment environment,
    List<JobSpec.ResourceAmount> resources,
    long maxJobDuration,
    BigDecimal cost,
    Optional<String> token,
    long chainId,
    Instant validUntil,
    boolean allowNetwork,
    List<PaymentQuote> payments) {

  public ComputeQuote {
    resources = List.copyOf(resources);
    payments = List.copyOf(payments);
  }
}
