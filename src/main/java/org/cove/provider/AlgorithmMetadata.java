package org.cove.provider;

import java.util.List;

/** What an algorithm needs to run. */
public record AlgorithmMetadata(
    String language,
    String version,
    Container container,
    List<ConsumerParameter> consumerParameters) {

  public AlgorithmMetadata {
    consumerParameters = List.copyOf(consumerParameters);
  }
}
