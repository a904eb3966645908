package org.cove.provider;

import java.util.List;
import java.util.Optional;

/**
 * What a publisher submits to publish or update an asset: the DDO's fields without the ones Cove
 * sets (DID, publisher, dates, state, checksums), and the files of each service.
 */
public record AssetDraft(
    AssetType type,
    String name,
    String description,
    String author,
    String license,
    List<String> tags,
    Optional<AlgorithmMetadata> algorithm,
    List<ServiceDraft> services,
    Credentials credentials,
    Optional<FileSource> sample) {

  public AssetDraft {
    tags = List.copyOf(tags);
    services = List.copyOf(services);
  }

  /** A service and its files. */
  public record ServiceDraft(
      String id,
      ServiceType type,
      List<FileSource> files,
      long timeout,
      Price price,
      Optional<ComputeOptions> compute) {

    public ServiceDraft {
      files = List.copyOf(files);
    }
  }
}
