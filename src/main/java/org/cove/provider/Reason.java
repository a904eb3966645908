package org.cove.provider;

import java.util.Locale;

/**
 * Why a permission was refused. The codes are Ocean's where Ocean has one, so clients that know
 * Ocean's provider read them the same way.
 */
public enum Reason {
  ASSET_DISABLED("the asset is disabled"),
  SERVICE_NOT_FOUND("the asset has no such service"),
  NOT_A_COMPUTE_SERVICE("the service is not a compute service"),
  COMPUTE_ONLY("the service is compute-only: its files never leave the provider"),
  CONSUMER_DENIED("the consumer is on the asset's deny list"),
  CONSUMER_NOT_ALLOWED("the consumer is not on the asset's allow list"),
  NOT_ALGO("the asset is not an algorithm"),
  ALGORITHM_DISABLED("the algorithm is disabled"),
  ALGORITHM_NOT_ON_THIS_PROVIDER("a private algorithm must be published on this provider"),
  NO_RAW_ALGO_ALLOWED("the dataset does not accept raw algorithms"),
  NOT_TRUSTED_ALGO("the dataset's publisher has not allowed this algorithm"),
  NOT_TRUSTED_ALGO_PUBLISHER("the dataset's publisher has not allowed this algorithm's publisher"),
  ALGORITHM_FILE_CHECKSUM_MISMATCH("the algorithm's code changed since it was allowed"),
  ALGORITHM_CONTAINER_CHECKSUM_MISMATCH("the algorithm's container changed since it was allowed");

  private final String explanation;

  Reason(String explanation) {
    this.explanation = explanation;
  }

  /** The stable code, e.g. {@code not_trusted_algo}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String explanation() {
    return explanation;
  }
}
