package org.cove.provider.internal.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.ComputeOptions;
import org.cove.provider.DdoFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** DDOs in Ocean's v4 shape, naming this provider's public service endpoint and chain. */
@ApplicationScoped
class OceanDdoFormat implements DdoFormat {

  private String serviceEndpoint;
  private long chainId;

  @Inject
  OceanDdoFormat(
      @ConfigProperty(name = "cove.public.url") String publicUrl,
      @ConfigProperty(name = "cove.chain.id") long chainId) {
    this.serviceEndpoint = publicUrl.replaceAll("/+$", "") + "/api/services";
    this.chainId = chainId;
  }

  /** For CDI's proxy. */
  protected OceanDdoFormat() {}

  @Override
  public AssetDraft parse(JsonObject ddo) {
    return DraftParser.parse(ddo);
  }

  @Override
  public ComputeOptions parseComputeOptions(JsonObject compute) {
    return DraftParser.parseComputeOptions(compute);
  }

  @Override
  public JsonObject write(Asset asset) {
    return DdoWriter.write(asset, serviceEndpoint, chainId);
  }
}
