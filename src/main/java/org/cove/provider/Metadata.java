package org.cove.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An asset's description, in Ocean's DDO metadata fields; algorithms also say how they run. */
public record Metadata(
    AssetType type,
    String name,
    String description,
    String author,
    String license,
    List<String> tags,
    Instant created,
    Instant updated,
    Optional<AlgorithmMetadata> algorithm) {

  public Metadata {
    tags = List.copyOf(tags);
  }
}
