package org.cove.portal.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cove.operator.JobSpec;
import org.cove.provider.Catalogue;
import org.cove.shared.CoveException;
import org.cove.shared.Did;

/**
 * Asset names by DID for lists that refresh often: each name is asked of the catalogue once per
 * view. A DID no longer in the catalogue shows as itself.
 */
final class AssetNames {

  private final Catalogue catalogue;
  private final Map<Did, String> names = new HashMap<>();

  AssetNames(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  String of(Did did) {
    return names.computeIfAbsent(did, d -> nameOf(catalogue, d.value()).orElse(d.value()));
  }

  String datasets(JobSpec spec) {
    return spec.datasets().stream().map(d -> of(d.did())).collect(Collectors.joining(", "));
  }

  String algorithm(JobSpec spec) {
    return spec.algorithm().did().map(this::of).orElse("raw code");
  }

  /** An asset's name by DID, if it is in the catalogue (entries may name deleted or "*"). */
  static Optional<String> nameOf(Catalogue catalogue, String did) {
    try {
      return Did.isDid(did)
          ? Optional.of(catalogue.get(Did.parse(did)).metadata().name())
          : Optional.empty();
    } catch (CoveException missing) {
      return Optional.empty();
    }
  }
}
