package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cove.identity.Principal;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.EnvironmentJson;
import org.cove.operator.Environments;
import org.cove.shared.InvalidInputException;
import org.cove.shared.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Compute environments: anyone may read them; admins create, change and remove them. */
@RequestScoped
@Path("v1/environments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Environments")
public class EnvironmentsResource {

  private Environments environments;
  private OceanCompute compute;
  private Authentication authentication;

  @Inject
  EnvironmentsResource(
      Environments environments, OceanCompute compute, Authentication authentication) {
    this.environments = environments;
    this.compute = compute;
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public EnvironmentsResource() {}

  @GET
  @Operation(summary = "Every environment, with its running jobs")
  public JsonArray list() {
    return compute.environments();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One environment")
  public JsonObject get(@PathParam("id") String id) {
    return EnvironmentJson.write(
            environments.find(id).orElseThrow(() -> new NotFoundException("no environment " + id)))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Creates or replaces an environment (admins), in the listing's JSON shape")
  public JsonObject save(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      JsonValue json) {
    Principal admin = authentication.requireAdmin(authorization);
    JsonObject body = ComputeRequests.body(json);
    JsonValue given = body.get("id");
    if (given != null && !given.equals(JSON.createValue(id))) {
      throw new InvalidInputException("the body's id must be the id in the path");
    }
    JsonObject withId = JSON.createObjectBuilder(body).add("id", id).build();
    ComputeEnvironment saved = environments.save(EnvironmentJson.read(withId), admin.address());
    return EnvironmentJson.write(saved).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Removes an environment (admins); running jobs keep running")
  public Response delete(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    Principal admin = authentication.requireAdmin(authorization);
    environments.delete(id, admin.address());
    return Response.noContent().build();
  }
}
