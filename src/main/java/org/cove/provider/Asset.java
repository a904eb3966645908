package org.cove.provider;

import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * A published dataset or algorithm as everyone may see it. For algorithms, {@code filesChecksum} is
 * Ocean's: the sha256 hex of each algorithm file's content, concatenated in file order.
 */
public record Asset(
    Did did,
    Address publisher,
    Metadata metadata,
    List<Service> services,
    Credentials credentials,
    AssetState state,
    Optional<String> filesChecksum,
    boolean hasSample) {

  public Asset {
    services = List.copyOf(services);
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public boolean isAlgorithm() {
    return metadata.type() == AssetType.ALGORITHM;
  }
}
