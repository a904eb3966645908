package org.cove.provider;

import jakarta.json.JsonObject;

/** DDOs as JSON, in Ocean's v4 field names: what publishers send and what everyone reads. */
public interface DdoFormat {

  /**
   * @throws InvalidDdoException naming every invalid field
   */
  AssetDraft parse(JsonObject ddo);

  /**
   * A service's compute options in Ocean's {@code compute} shape, replacing the service's: a field
   * that is not one of Ocean's is refused, not ignored.
   *
   * @throws InvalidDdoException naming every invalid or unknown field
   */
  ComputeOptions parseComputeOptions(JsonObject compute);

  /** The public DDO, with this provider's service endpoint and chain; never file references. */
  JsonObject write(Asset asset);
}
