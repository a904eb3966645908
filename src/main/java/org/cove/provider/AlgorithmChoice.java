package org.cove.provider;

/** The algorithm a consumer wants to run: a published asset, or raw code sent with the request. */
public sealed interface AlgorithmChoice {

  /**
   * An algorithm asset. {@code onThisProvider} is false for one published on another provider,
   * whose private (compute-only) algorithms may not run here.
   */
  record Published(Asset algorithm, boolean onThisProvider) implements AlgorithmChoice {}

  /** Code and container sent with the request, not an asset. */
  record Raw(Container container) implements AlgorithmChoice {}
}
