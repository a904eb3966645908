package org.cove.provider.internal.catalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.ComputeOptions;
import org.cove.provider.DdoFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
class OceanDdoFormat implements DdoFormat {

  @Inject
  @ConfigProperty(name = "cove.public.url")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "cove.chain.id")
  long chainId;

  private String serviceEndpoint;

  @PostConstruct
  void init() {
    serviceEndpoint = publicUrl.replaceAll("/+$", "") + "/api/services";
  }

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
