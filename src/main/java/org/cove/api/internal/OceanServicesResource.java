package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.cove.identity.OceanAuthTokens;
import org.cove.identity.SignedRequest;
import org.cove.identity.SignedRequests;
import org.cove.provider.Downloads;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;
import org.cove.shared.ProviderSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The root of the Ocean-compatible API: Ocean's clients take {@code http://host/api/services} as
 * their node URI, read the endpoint map from it, and append each relative path.
 */
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ocean-compatible")
public class OceanServicesResource {

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

  @Inject SignedRequests signedRequests;

  @Inject OceanAuthTokens authTokens;

  @Inject ProviderSigner providerSigner;

  @Inject Downloads downloads;

  @Inject Authentication authentication;

  @Inject OceanCompute compute;

  @Inject
  @ConfigProperty(name = "cove.chain.id")
  long chainId;

  @GET
  @Operation(summary = "The node's description and its endpoint map")
  public JsonObject root() {
    JsonObjectBuilder endpoints = JSON.createObjectBuilder();
    ENDPOINTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> endpoints.add(e.getKey(), e.getValue()));
    return JSON.createObjectBuilder()
        .add("software", "Cove")
        .add("version", "0.1.0")
        .add("chainIds", JSON.createArrayBuilder().add(String.valueOf(chainId)))
        .add("providerAddress", providerSigner.address().value())
        .add("serviceEndpoints", endpoints)
        .build();
  }

  @GET
  @Path("nonce")
  @Operation(summary = "The last nonce accepted from this address (0 if none); sign with the next")
  public JsonObject nonce(@QueryParam("userAddress") String userAddress) {
    long nonce = signedRequests.lastNonce(Address.parse(userAddress));
    return JSON.createObjectBuilder().add("nonce", nonce).build();
  }

  @POST
  @Path("auth/token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A bearer token for a request signed over address + nonce + createAuthToken")
  public JsonObject generateAuthToken(JsonObject body) {
    SignedRequest request =
        new SignedRequest(
            text(body, "address"), text(body, "nonce"), "createAuthToken", text(body, "signature"));
    Long validUntil = body.containsKey("validUntil") ? number(body, "validUntil") : null;
    String token = authTokens.generate(request, validUntil).token();
    return JSON.createObjectBuilder().add("token", token).build();
  }

  @POST
  @Path("auth/token/invalidate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revoke a token, with a request signed by its owner")
  public JsonObject invalidateAuthToken(JsonObject body) {
    SignedRequest request =
        new SignedRequest(
            text(body, "address"),
            text(body, "nonce"),
            "invalidateAuthToken",
            text(body, "signature"));
    authTokens.invalidate(request, text(body, "token"));
    return JSON.createObjectBuilder().add("success", true).build();
  }

  @GET
  @Path("download")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary =
          "A file of an access service, signed over consumerAddress + nonce + downloadEndpoint"
              + " (or with a bearer token); a priced service names the paying transferTxId")
  public Response download(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("documentId") String documentId,
      @QueryParam("serviceId") String serviceId,
      @QueryParam("fileIndex") String fileIndex,
      @QueryParam("consumerAddress") String consumerAddress,
      @QueryParam("nonce") String nonce,
      @QueryParam("signature") String signature,
      @QueryParam("transferTxId") String transferTxId) {
    Did did = Did.parse(documentId);
    String service =
        Params.text(serviceId)
            .orElseThrow(() -> new InvalidInputException("serviceId is required"));
    int index = Params.integer("fileIndex", fileIndex, 0);
    Address consumer =
        signature == null || signature.isBlank()
            ? authentication.require(authorization).address()
            : signedRequests.verify(
                new SignedRequest(consumerAddress, nonce, "downloadEndpoint", signature));
    return FileResponses.attachment(
        downloads.open(consumer, did, service, index, Params.text(transferTxId)));
  }

  @GET
  @Path("initialize")
  @Operation(
      summary =
          "Checks that the consumer may download the service and quotes its price: pay it, then"
              + " download with transferTxId")
  public JsonObject initialize(
      @QueryParam("documentId") String documentId,
      @QueryParam("serviceId") String serviceId,
      @QueryParam("consumerAddress") String consumerAddress) {
    Did did = Did.parse(documentId);
    String service =
        Params.text(serviceId)
            .orElseThrow(() -> new InvalidInputException("serviceId is required"));
    Address consumer = Address.parse(consumerAddress);
    JsonObjectBuilder answer =
        JSON.createObjectBuilder().add("documentId", did.value()).add("serviceId", service);
    downloads
        .initialize(consumer, did, service)
        .ifPresentOrElse(
            quote -> answer.add("payment", PaymentJson.write(quote)),
            () -> answer.add("payment", JsonValue.NULL));
    return answer.build();
  }

  @GET
  @Path("computeEnvironments")
  @Operation(summary = "The compute environments, their limits, prices and running jobs")
  public JsonArray computeEnvironments() {
    return compute.environments();
  }

  @POST
  @Path("initializeCompute")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Checks a compute request as a start would and quotes its cost")
  public JsonObject initializeCompute(JsonValue body) {
    return compute.initialize(ComputeRequests.body(body));
  }

  @POST
  @Path("freeCompute")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Starts a free job, signed over consumerAddress + nonce + freeStartCompute")
  public JsonArray freeCompute(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonValue body) {
    return compute.start(authorization, ComputeRequests.body(body), true);
  }

  @POST
  @Path("compute")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Starts a job, signed over consumerAddress + nonce + startCompute")
  public JsonArray startCompute(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonValue body) {
    return compute.start(authorization, ComputeRequests.body(body), false);
  }

  @GET
  @Path("compute")
  @Operation(summary = "The caller's jobs, or one of them (signature or token required)")
  public JsonArray computeStatus(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("consumerAddress") String consumerAddress,
      @QueryParam("nonce") String nonce,
      @QueryParam("signature") String signature,
      @QueryParam("jobId") String jobId) {
    return compute.status(
        new OceanCompute.Caller(authorization, consumerAddress, nonce, signature), jobId);
  }

  @PUT
  @Path("compute")
  @Operation(summary = "Stops a job, signed over consumerAddress + nonce + stopCompute")
  public JsonArray stopCompute(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("consumerAddress") String consumerAddress,
      @QueryParam("nonce") String nonce,
      @QueryParam("signature") String signature,
      @QueryParam("jobId") String jobId) {
    return compute.stop(
        new OceanCompute.Caller(authorization, consumerAddress, nonce, signature), jobId);
  }

  @DELETE
  @Path("compute")
  @Operation(summary = "Deletes a finished job's results, signed over … + deleteCompute")
  public JsonObject deleteCompute(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("consumerAddress") String consumerAddress,
      @QueryParam("nonce") String nonce,
      @QueryParam("signature") String signature,
      @QueryParam("jobId") String jobId) {
    return compute.delete(
        new OceanCompute.Caller(authorization, consumerAddress, nonce, signature), jobId);
  }

  @GET
  @Path("computeResult")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "One result of a job, for its owner and additional viewers; Range works")
  public Response computeResult(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Range") String range,
      @QueryParam("consumerAddress") String consumerAddress,
      @QueryParam("nonce") String nonce,
      @QueryParam("signature") String signature,
      @QueryParam("jobId") String jobId,
      @QueryParam("index") String index) {
    return compute.result(
        new OceanCompute.Caller(authorization, consumerAddress, nonce, signature),
        jobId,
        index,
        range);
  }

  @GET
  @Path("computeStreamableLogs")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The algorithm's log, streamed while it runs")
  public Response computeStreamableLogs(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("consumerAddress") String consumerAddress,
      @QueryParam("nonce") String nonce,
      @QueryParam("signature") String signature,
      @QueryParam("jobId") String jobId) {
    return compute.logs(
        new OceanCompute.Caller(authorization, consumerAddress, nonce, signature), jobId);
  }

  private static JsonArray endpoint(String method, String path) {
    return JSON.createArrayBuilder().add(method).add(path).build();
  }

  /** A field as the client sent it; numbers are accepted as their decimal text. */
  static String text(JsonObject body, String field) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    JsonValue value = body.get(field);
    if (value instanceof JsonString string) {
      return string.getString();
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return number.bigIntegerValue().toString();
    }
    throw new InvalidInputException(field + " is required");
  }

  private static Long number(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == JsonValue.NULL) {
      return null;
    }
    try {
      return Long.parseLong(text(body, field));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field + " must be milliseconds since the epoch");
    }
  }
}
