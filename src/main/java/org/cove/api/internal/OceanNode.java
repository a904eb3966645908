package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.cove.shared.Address;

/**
 * What {@code GET /api/services} says about this node: the software, its chain, the provider's
 * address and the endpoint map Ocean's clients read every other path from.
 */
final class OceanNode {

  /** name: [method, path relative to /api/services], in ocean-node's naming. */
  static final Map<String, JsonArray> ENDPOINTS =
      Map.ofEntries(
          Map.entry("nonce", endpoint("GET", "nonce")),
          Map.entry("download", endpoint("GET", "download")),
          Map.entry("initialize", endpoint("GET", "initialize")),
          Map.entry("generateAuthToken", endpoint("POST", "auth/token")),
          Map.entry("invalidateAuthToken", endpoint("POST", "auth/token/invalidate")),
          Map.entry("computeEnvironments", endpoint("GET", "computeEnvironments")),
          Map.entry("initializeCompute", endpoint("POST", "initializeCompute")),
          Map.entry("computeStart", endpoint("POST", "compute")),
          Map.entry("freeCompute", endpoint("POST", "freeCompute")),
          Map.entry("computeStatus", endpoint("GET", "compute")),
          Map.entry("computeStop", endpoint("PUT", "compute")),
          Map.entry("computeDelete", endpoint("DELETE", "compute")),
          Map.entry("computeResult", endpoint("GET", "computeResult")),
          Map.entry("computeStreamableLogs", endpoint("GET", "computeStreamableLogs")));

  private OceanNode() {}

  static JsonObject describe(long chainId, Address provider) {
    JsonObjectBuilder endpoints = JSON.createObjectBuilder();
    ENDPOINTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> endpoints.add(e.getKey(), e.getValue()));
    return JSON.createObjectBuilder()
        .add("software", "Cove")
        .add("version", "0.1.0")
        .add("chainIds", JSON.createArrayBuilder().add(String.valueOf(chainId)))
        .add("providerAddress", provider.value())
        .add("serviceEndpoints", endpoints)
        .build();
  }

  private static JsonArray endpoint(String method, String path) {
    return JSON.createArrayBuilder().add(method).add(path).build();
  }
}
