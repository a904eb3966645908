package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cove.identity.Principal;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.provider.Asset;
import org.cove.provider.Compute;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Compute jobs for bearer-token clients: the same jobs as the Ocean endpoints, with Cove's paging,
 * the publisher's view of jobs on their datasets, and publishing an output as an asset.
 */
@RequestScoped
@Path("v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
@SecurityRequirement(name = "bearer")
public class JobsResource {

  private JobRegistry registry;
  private Compute compute;
  private OceanCompute ocean;
  private Authentication authentication;

  @Inject
  JobsResource(
      JobRegistry registry, Compute compute, OceanCompute ocean, Authentication authentication) {
    this.registry = registry;
    this.compute = compute;
    this.ocean = ocean;
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public JobsResource() {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Starts a job; the body is Ocean's freeCompute body without a signature")
  public Response start(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("free") String free,
      JsonValue json) {
    Principal consumer = authentication.require(authorization);
    JsonObject body = ComputeRequests.body(json);
    Job job = compute.start(ComputeRequests.read(body, consumer.address(), !"false".equals(free)));
    return Response.status(Response.Status.CREATED).entity(ocean.json(job)).build();
  }

  @GET
  @Operation(summary = "Your jobs, newest first")
  public JsonObject mine(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Principal owner = authentication.require(authorization);
    return Pages.json(
        registry.jobsOf(
            owner.address(), Params.integer("page", page, 0), Params.integer("size", size, 20)),
        ocean::json);
  }

  @GET
  @Path("on-my-data")
  @Operation(summary = "Jobs that ran on datasets you published (without their results)")
  public JsonObject onMyData(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Principal publisher = authentication.require(authorization);
    return Pages.json(
        registry.jobsOnDatasetsOf(
            publisher.address(), Params.integer("page", page, 0), Params.integer("size", size, 20)),
        ocean::json);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One job")
  public JsonObject get(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    Principal reader = authentication.require(authorization);
    return ocean.json(registry.get(JobId.parse(id), reader.address()));
  }

  @POST
  @Path("{id}/stop")
  @Operation(summary = "Stops a job (its owner); the logs are still published")
  public JsonObject stop(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    Principal owner = authentication.require(authorization);
    return ocean.json(registry.stop(JobId.parse(id), owner.address()));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Deletes a finished job and its results (its owner)")
  public Response delete(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    Principal owner = authentication.require(authorization);
    registry.delete(JobId.parse(id), owner.address());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/results/{index}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "One result (owner and additional viewers); Range works")
  public Response result(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Range") String range,
      @PathParam("id") String id,
      @PathParam("index") String index) {
    Principal reader = authentication.require(authorization);
    int i = Params.integer("index", index, -1);
    return ResultResponses.stream(registry.openResult(JobId.parse(id), i, reader.address()), range);
  }

  @POST
  @Path("{id}/publish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publishes a finished job's outputs as a new, private compute dataset")
  public Response publish(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      JsonValue json) {
    Principal owner = authentication.require(authorization);
    String title = ComputeRequests.body(json).getString("title", null);
    Asset asset = compute.publishOutput(owner, JobId.parse(id), title);
    return Response.status(Response.Status.CREATED)
        .entity(JSON.createObjectBuilder().add("did", asset.did().value()).build())
        .build();
  }
}
