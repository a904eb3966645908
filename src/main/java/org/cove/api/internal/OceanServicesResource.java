package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
@RequestScoped
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ocean-compatible")
public class OceanServicesResource {

  private SignedRequests signedRequests;
  private OceanAuthTokens authTokens;
  private ProviderSigner providerSigner;
  private Downloads downloads;
  private Authentication authentication;
  private OceanCompute compute;
  private long chainId;

  @Inject
  OceanServicesResource(
      SignedRequests signedRequests,
      OceanAuthTokens authTokens,
      ProviderSigner providerSigner,
      Downloads downloads,
      Authentication authentication,
      OceanCompute compute,
      @ConfigProperty(name = "cove.chain.id") long chainId) {
    this.signedRequests = signedRequests;
    this.authTokens = authTokens;
    this.providerSigner = providerSigner;
    this.downloads = downloads;
    this.authentication = authentication;
    this.compute = compute;
    this.chainId = chainId;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public OceanServicesResource() {}

  @GET
  @Operation(summary = "The node's description and its endpoint map")
  public JsonObject root() {
    return OceanNode.describe(chainId, providerSigner.address());
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
    SignedRequest request = SignedRequestBodies.read(body, "createAuthToken");
    String token = authTokens.generate(request, SignedRequestBodies.validUntil(body)).token();
    return JSON.createObjectBuilder().add("token", token).build();
  }

  @POST
  @Path("auth/token/invalidate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revoke a token, with a request signed by its owner")
  public JsonObject invalidateAuthToken(JsonObject body) {
    SignedRequest request = SignedRequestBodies.read(body, "invalidateAuthToken");
    authTokens.invalidate(request, SignedRequestBodies.text(body, "token"));
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
}
