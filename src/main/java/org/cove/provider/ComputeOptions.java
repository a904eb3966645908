package org.cove.provider;

import java.util.List;

/**
 * Who may run what on a compute service. Nothing is allowed until the publisher says so: trusted
 * algorithms, trusted algorithm publishers ({@code *}: any publisher on this provider), raw
 * algorithms, network access.
 */
public record ComputeOptions(
    boolean allowRawAlgorithm,
    boolean allowNetworkAccess,
    List<TrustedAlgorithm> trustedAlgorithms,
    List<String> trustedPublishers) {

  public ComputeOptions {
    trustedAlgorithms = List.copyOf(trustedAlgorithms);
    trustedPublishers = List.copyOf(trustedPublishers);
  }

  public static ComputeOptions privateByDefault() {
    return new ComputeOptions(false, false, List.of(), List.of());
  }
}
